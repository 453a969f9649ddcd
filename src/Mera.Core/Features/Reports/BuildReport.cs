using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Indicators;
using Mera.Core.Documents;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Reports;

/// <summary>
/// `./mera report KIND` and the web downloads: builds the document of one report kind for an org unit and period.
/// The same document is then written as XLSX, DOCX, PDF or CSV by <see cref="ReportFormats"/>.
/// </summary>
public static class BuildReport
{
    public static readonly IReadOnlyList<string> Kinds = ["summary", "schools", "agreement", "agreement-quarter", "collegium", "submissions"];

    /// <summary>`Today` is the date printed on the report and the day statuses are assessed on. `Executor` is the
    /// person's full name and phone for the executor mark (ГОСТ Р 7.0.97-2025), never a login; empty leaves it out.</summary>
    public sealed record Query(string Kind, string OrgCode, string PeriodCode, DateOnly Today, string Executor,
        string? FormCode = null, IReadOnlyList<string>? Indicators = null);

    /// <summary>What every builder gets: the org, its parent, the period and the document header's fixed parts.</summary>
    internal sealed record Context(MeraDb Database, Query Query, OrgUnit Org, OrgUnit? Parent, Period Period)
    {
        /// <summary>Statuses are judged on the report date, but never later than the period's year allows.</summary>
        public DateOnly AsOf => Query.Today;

        public ReportHeader Header(string title, string? subtitle = null) => new(
            Org.Name, Parent?.Name, title, subtitle ?? $"за {Period.DisplayRu} ({AsOfPhrase})", Query.Today, Query.Executor);

        /// <summary>«по состоянию на 30 ноября 2026 г.», and «период не завершён» while the period runs: a running
        /// quarter's figures are never passed off as the quarter's result.</summary>
        public string AsOfPhrase => $"по состоянию на {Formatting.RussianFormat.LongDate(Query.Today)}" +
            (Period.IsRunningOn(Query.Today) ? ", период не завершён" : "");

        public string FileName(string stem) => $"{stem}-{Org.Code}-{Period.Code}";
    }

    public static async Task<ReportDocument> RunAsync(MeraDb database, Query query, CancellationToken ct = default)
    {
        using var span = Telemetry.Source.StartActivity("report " + query.Kind);
        span?.SetTag("mera.report.kind", query.Kind);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var document = await BuildAsync(database, query, ct);
        Telemetry.Reports.Add(1, new KeyValuePair<string, object?>("kind", query.Kind));
        Telemetry.ReportDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("kind", query.Kind));
        return document;
    }

    private static async Task<ReportDocument> BuildAsync(MeraDb database, Query query, CancellationToken ct)
    {
        if (!Kinds.Contains(query.Kind))
        {
            throw new OperationRefusedException($"Неизвестный вид отчёта «{query.Kind}»: {string.Join(", ", Kinds)}");
        }
        var period = Period.Parse(query.PeriodCode);
        OrgUnit org;
        OrgUnit? parent;
        await using (var db = database.CreateContext())
        {
            org = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Code == query.OrgCode, ct)
                ?? throw new NotFoundException($"Организация с кодом «{query.OrgCode}» не найдена");
            parent = org.ParentId is int id ? await db.OrgUnits.AsNoTracking().SingleAsync(o => o.Id == id, ct) : null;
        }
        var context = new Context(database, query, org, parent, period);
        return query.Kind switch
        {
            "summary" => await SummaryReport.BuildAsync(context, ct),
            "schools" => await SchoolsReport.BuildAsync(context, ct),
            "agreement" => await AgreementReport.BuildAsync(context, ct),
            "agreement-quarter" => await AgreementQuarterReport.BuildAsync(context, ct),
            "collegium" => await CollegiumReport.BuildAsync(context, ct),
            _ => await SubmissionsReport.BuildAsync(context, ct),
        };
    }
}
