using Mera.Core.Engine;
using Mera.Core.Features.Agreements;
using Mera.Core.Features.Indicators;
using Mera.Core.Documents;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Reports;

/// <summary>
/// Seed 003 Annex 1 «Значения результатов (показателей) региональных проектов»: the rows by regional project,
/// for each year the plan and — for rows linked to an indicator — the fact; rows behind plan highlighted.
/// </summary>
internal static class AgreementReport
{
    public static async Task<ReportDocument> BuildAsync(BuildReport.Context context, CancellationToken ct)
    {
        var agreement = await LoadAsync(context, ct);
        var columns = new List<ReportColumn> { new("№ п/п", ValueFormat.Text, 5), new("Наименование результата (показателя)", ValueFormat.Text, 42) };
        foreach (var year in agreement.Years)
        {
            columns.Add(new($"{year}: план", ValueFormat.Decimal, 9));
            columns.Add(new($"{year}: факт", ValueFormat.Decimal, 9));
        }
        columns.Add(new("Примечание", ValueFormat.Text, 24));

        var rows = new List<ReportRow>();
        foreach (var project in agreement.Rows.GroupBy(r => r.Project))
        {
            rows.Add(new ReportRow([ReportValue.Of(""), ReportValue.Of(project.Key), .. agreement.Years.SelectMany(_ => new[] { ReportValue.Of(""), ReportValue.Of("") }), ReportValue.Of("")], RowMark.Section));
            foreach (var row in project)
            {
                var cells = new List<ReportValue> { ReportValue.Of(row.Number), ReportValue.Of(row.Title) };
                foreach (var cell in row.Cells)
                {
                    cells.Add(cell.Plan is null && cell.Note is not null ? ReportValue.Of(cell.Note) : ReportValue.Of(cell.Plan, ValueFormat.Decimal));
                    cells.Add(cell.Result is null ? ReportValue.Of("") : cell.Fact is null ? ReportValue.Missing : ReportValue.Of(cell.Fact, ValueFormat.Decimal));
                }
                cells.Add(ReportValue.Of(Note(row)));
                rows.Add(new ReportRow(cells, row.Cells.Any(c => PlanFact.IsLagging(c.Status)) ? RowMark.Lagging : RowMark.Normal));
            }
        }
        var header = context.Header("Значения результатов (показателей) региональных проектов в части мероприятий, реализуемых в муниципалитете",
            $"Приложение 1 к Соглашению от {Formatting.RussianFormat.Date(agreement.Date)} № {agreement.Number} " +
            $"(план и факт по состоянию на {Formatting.RussianFormat.LongDate(context.AsOf)})");
        return new ReportDocument(context.FileName("soglashenie"), header,
        [
            new ReportTable("", columns, rows, IsMain: true),
            new ReportParagraph("Факт указан для показателей, рассчитываемых по данным мониторинга; остальные строки заполняются по документам. " +
                "Факт незавершённого года — по состоянию на дату отчёта. Строки, где факт ниже плана, выделены цветом.", Italic: true),
        ], Landscape: true);
    }

    /// <summary>The org's latest agreement with the region (by date).</summary>
    public static async Task<ShowAgreement.Result> LoadAsync(BuildReport.Context context, CancellationToken ct)
    {
        string? number;
        await using (var db = context.Database.CreateContext())
        {
            var id = context.Org.Id;
            number = await db.Agreements.AsNoTracking().Where(a => a.OrgUnitId == id).OrderByDescending(a => a.Date).Select(a => a.Number).FirstOrDefaultAsync(ct);
        }
        return number is null
            ? throw new NotFoundException($"У организации «{context.Org.Name}» нет загруженного соглашения: ./mera agreement import")
            : await ShowAgreement.RunAsync(context.Database, context.Org.Code, number, context.AsOf, ct);
    }

    /// <summary>The plan's notes, and for each year with a fact its status in words (with the forecast, partial data
    /// and the base value), so a running year's fact is never read as the year's result.</summary>
    private static string Note(ShowAgreement.Row row)
    {
        var parts = row.Cells.Where(c => c.Note is not null && c.Plan is not null).Select(c => $"{c.Year}: {c.Note}").ToList();
        foreach (var c in row.Cells.Where(c => c.Result is not null))
        {
            var r = c.Result!;
            parts.Add($"{c.Year}: {(r.Target is null ? "план не установлен" : r.StatusText)}");
        }
        if (row.Cells.Select(c => c.Result).LastOrDefault(r => r is not null) is { } latest && BaseLine.Describe(latest) is { } baseline)
        {
            parts.Add(baseline);
        }
        return string.Join("; ", parts);
    }
}
