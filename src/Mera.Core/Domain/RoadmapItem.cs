namespace Mera.Core.Domain;

/// <summary>A measure, result or checkpoint of a roadmap (seed 003 Annex 2, seed 004), owned by an org unit.</summary>
public sealed class RoadmapItem
{
    public int Id { get; set; }
    public int OrgUnitId { get; set; }
    public required string Number { get; set; }
    public int SortOrder { get; set; }
    public required string Title { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }

    /// <summary>The deadline as written («31.12.2020 далее ежегодно»): its repetition decides later deadlines.</summary>
    public string? Deadline { get; set; }
    public string? Responsible { get; set; }
    public string? CoExecutors { get; set; }
    public string? Document { get; set; }
    public string? IndicatorCode { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public string? Comment { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    /// <summary>Dropped from an amended roadmap: kept with its marks and evidence, hidden from lists, reminders and reports.</summary>
    public DateTimeOffset? ArchivedAt { get; set; }
}

/// <summary>A decision of the collegium or the administration (seed 002) with its numbered items.</summary>
public sealed class Decision
{
    public int Id { get; set; }
    public int OrgUnitId { get; set; }
    public required string Number { get; set; }
    public DateOnly Date { get; set; }
    public required string Title { get; set; }
    public List<DecisionItem> Items { get; set; } = [];
}

public sealed class DecisionItem
{
    public int Id { get; set; }
    public int DecisionId { get; set; }
    public required string Number { get; set; }
    public required string Text { get; set; }
    public string? Responsible { get; set; }

    /// <summary>«ежемесячно до 25 числа», «до 01.02.2025, далее постоянно»: parsed by <see cref="Schedule"/>.</summary>
    public string? Deadline { get; set; }
    public DateOnly? LastReportedOn { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public string? ReportNotes { get; set; }
}

/// <summary>A document that proves a roadmap item (приказ, справка, отчет), kept in the database with who uploaded it.</summary>
public sealed class RoadmapEvidence
{
    public int Id { get; set; }
    public int RoadmapItemId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }
    public required string UploadedBy { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}
