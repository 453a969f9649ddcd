using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Submissions;

/// <summary>A school's form for a period as the entry page shows it: values, last period's values, state, deadline.</summary>
public static class LoadFormEntry
{
    public sealed record Line(DataElement Element, Period At, double? Value, double? Previous, string? Comment, string? Source);

    public sealed record Result(Form Form, Period Period, OrgUnit School, IReadOnlyList<Line> Lines, Submission? Submission,
        DateOnly Deadline);

    public static async Task<Result> RunAsync(MeraDb database, OrgUnit school, string formCode, string periodCode, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var form = await db.Forms.AsNoTracking().SingleOrDefaultAsync(f => f.Code == formCode, ct)
            ?? throw new NotFoundException($"Форма «{formCode}» не найдена");
        if (form.Supplier != "school")
        {
            // Platform exports and the municipality's reports have no entry page: their data come by import.
            throw new NotFoundException($"Форму «{form.Name}» не заполняют вручную: её данные загружает отдел образования");
        }
        var period = Period.Parse(periodCode);
        if (period.Type != form.PeriodType)
        {
            throw new NotFoundException($"Форма «{form.Name}» собирается за период типа «{PeriodTypeNames.ToRussian(form.PeriodType)}»");
        }
        var codes = form.Elements;
        var elements = await db.DataElements.AsNoTracking().Where(e => codes.Contains(e.Code)).ToDictionaryAsync(e => e.Code, ct);
        var ordered = codes.Where(elements.ContainsKey).Select(c => elements[c]).ToList();
        var ids = ordered.Select(e => e.Id).ToList();
        var periods = ordered.SelectMany(e => new[] { period.ContainerOf(e.PeriodType).Code, period.Previous().ContainerOf(e.PeriodType).Code }).Distinct().ToList();
        var stored = await db.DataValues.AsNoTracking()
            .Where(v => v.OrgUnitId == school.Id && ids.Contains(v.ElementId) && periods.Contains(v.PeriodCode))
            .ToListAsync(ct);
        // Who typed a value, as people are named on a form («Смирнова О. И.»), not by login; the demo is «демо-данные».
        var logins = stored.Select(v => v.ChangedBy).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => logins.Contains(u.UserName!))
            .ToDictionaryAsync(u => u.UserName!, u => Formatting.RussianFormat.PersonShort(u.FullName), ct);
        string Person(string login) => login == "demo" ? "демо-данные" : people.GetValueOrDefault(login) is { Length: > 0 } name ? name : login;
        var lines = ordered.Select(e =>
        {
            var current = stored.FirstOrDefault(v => v.ElementId == e.Id && v.PeriodCode == period.ContainerOf(e.PeriodType).Code);
            var previous = stored.FirstOrDefault(v => v.ElementId == e.Id && v.PeriodCode == period.Previous().ContainerOf(e.PeriodType).Code);
            var source = current is null ? null
                : current.Source == ValueSource.Import ? $"загрузка «{current.SourceFile}»" : $"ввод: {Person(current.ChangedBy)}";
            return new Line(e, period.ContainerOf(e.PeriodType), current?.Value, previous?.Value, current?.Comment, source);
        }).ToList();
        var submission = await db.Submissions.AsNoTracking()
            .SingleOrDefaultAsync(s => s.OrgUnitId == school.Id && s.FormCode == form.Code && s.PeriodCode == period.Code, ct);
        return new Result(form, period, school, lines, submission, form.DeadlineOf(period));
    }
}
