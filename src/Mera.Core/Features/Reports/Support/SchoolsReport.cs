using Mera.Core.Domain;
using Mera.Core.Engine;
using Mera.Core.Features.Indicators;
using Mera.Core.Documents;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Reports;

/// <summary>
/// «В разрезе ОО»: one row per school (per child unit above the municipality) with each indicator's numerator,
/// denominator, value, plan and status; rows behind plan highlighted; the total row is the parent's ratio of sums.
/// </summary>
internal static class SchoolsReport
{
    public static async Task<ReportDocument> BuildAsync(BuildReport.Context context, CancellationToken ct)
    {
        var codes = context.Query.Indicators is { Count: > 0 } chosen ? chosen : await PlannedIndicatorsAsync(context, ct);
        var rows = await ComputeIndicators.RunAsync(context.Database, new ComputeIndicators.Query(
            context.Org.Code, context.Period.Code, Children: true, Indicators: codes, AsOf: context.AsOf), ct);
        var indicators = rows.Where(r => r.Org == context.Org.Code).ToList();
        var children = rows.Where(r => r.Org != context.Org.Code).GroupBy(r => r.Org).ToList();
        var inns = await InnsAsync(context, ct);

        var columns = new List<ReportColumn> { new("№ п/п", ValueFormat.Text, 5), new(ChildTitle(context.Org), ValueFormat.Text, 34), new("ИНН", ValueFormat.Text, 12) };
        for (var k = 0; k < indicators.Count; k++)
        {
            var unit = indicators[k].Unit;
            var format = unit == "%" ? ValueFormat.Percent : ValueFormat.Decimal;
            columns.Add(new($"П{k + 1}: числитель", ValueFormat.Integer, 10));
            if (unit == "%")
            {
                columns.Add(new($"П{k + 1}: знаменатель", ValueFormat.Integer, 11));
            }
            columns.Add(new($"П{k + 1}: значение", format, 10));
            columns.Add(new($"П{k + 1}: план", format, 8));
            columns.Add(new($"П{k + 1}: статус", ValueFormat.Text, 16));
        }

        var table = new List<ReportRow>();
        var n = 0;
        foreach (var child in children)
        {
            var cells = new List<ReportValue> { ReportValue.Of($"{++n}"), ReportValue.Of(child.First().OrgName), ReportValue.Of(inns.GetValueOrDefault(child.Key)) };
            var byCode = child.ToDictionary(r => r.Indicator);
            cells.AddRange(indicators.SelectMany(i => Cells(byCode[i.Indicator])));
            table.Add(new ReportRow(cells, child.Any(r => PlanFact.IsLagging(r.Status)) ? RowMark.Lagging : RowMark.Normal));
        }
        table.Add(new ReportRow([ReportValue.Of(""), ReportValue.Of($"Итого: {context.Org.Name}"), ReportValue.Of(""),
            .. indicators.SelectMany(Cells)], RowMark.Total));

        var lagging = table.Count(r => r.Mark == RowMark.Lagging);
        var blocks = new List<ReportBlock>
        {
            new ReportParagraph(string.Join("; ", indicators.Select((r, k) => $"П{k + 1} — {r.Name}{(r.Unit == "%" ? ", %" : $", {r.Unit}")}")) + "."),
            new ReportTable("", columns, table, IsMain: true),
            new ReportParagraph($"Отстают от плана: {lagging} из {children.Count} (строки выделены цветом). " +
                "Итоговая строка — отношение сумм по всем организациям, а не среднее их процентов.", Italic: true),
        };
        if (indicators.Count > 0 && children.Count > 0)
        {
            blocks.Add(Chart(indicators[0], children.Select(c => c.Single(r => r.Indicator == indicators[0].Indicator)).ToList()));
        }
        return new ReportDocument(context.FileName("v-razreze-oo"),
            context.Header("Показатели в разрезе образовательных организаций"), blocks, Landscape: true)
        {
            PrintBlocks = indicators.Count <= 1 ? null : [.. PrintTables(context, indicators, children), .. blocks.OfType<ReportChart>()],
        };
    }

    /// <summary>On paper: a table per indicator (organisation, numerator, denominator, value, plan, status) — the wide
    /// spreadsheet table would need type too small to read.</summary>
    private static IEnumerable<ReportBlock> PrintTables(BuildReport.Context context, IReadOnlyList<IndicatorResult> indicators,
        IReadOnlyList<IGrouping<string, IndicatorResult>> children)
    {
        for (var k = 0; k < indicators.Count; k++)
        {
            var total = indicators[k];
            var percent = total.Unit == "%";
            var columns = new List<ReportColumn> { new("№ п/п", ValueFormat.Text, 5), new(ChildTitle(context.Org), ValueFormat.Text, 40), new("Числитель", ValueFormat.Integer, 10) };
            if (percent)
            {
                columns.Add(new("Знаменатель", ValueFormat.Integer, 10));
            }
            columns.AddRange([new("Значение", percent ? ValueFormat.Percent : ValueFormat.Decimal, 10), new("План", percent ? ValueFormat.Percent : ValueFormat.Decimal, 9), new("Статус", ValueFormat.Text, 22)]);
            var rows = children.Select((child, i) =>
            {
                var r = child.Single(x => x.Indicator == total.Indicator);
                return new ReportRow([ReportValue.Of($"{i + 1}"), ReportValue.Of(r.OrgName), .. Cells(r)], PlanFact.IsLagging(r.Status) ? RowMark.Lagging : RowMark.Normal);
            }).ToList();
            rows.Add(new ReportRow([ReportValue.Of(""), ReportValue.Of($"Итого: {context.Org.Name}"), .. Cells(total)], RowMark.Total));
            yield return new ReportTable($"П{k + 1}. {total.Name}{(percent ? ", %" : $", {total.Unit}")}", columns, rows);
        }
        yield return new ReportParagraph("Строки ниже плана выделены цветом. Итоговая строка — отношение сумм по всем организациям, а не среднее их процентов.", Italic: true);
    }

    private static IEnumerable<ReportValue> Cells(IndicatorResult r)
    {
        yield return ReportValue.Count(r.Numerator);
        if (r.Unit == "%")
        {
            yield return ReportValue.Count(r.Denominator);
        }
        yield return ReportValue.Fact(r.Value, r.Unit);
        yield return ReportValue.OfUnit(r.Target, r.Unit);
        yield return ReportValue.Of(r.Target is null ? "" : r.StatusText);
    }

    private static ReportChart Chart(IndicatorResult total, IReadOnlyList<IndicatorResult> children)
    {
        var series = new List<ChartSeries> { new("Значение", children.Select(c => c.Value).ToList()) };
        if (children.Any(c => c.Target is not null) || total.Target is not null)
        {
            series.Add(new ChartSeries("План", children.Select(c => c.Target ?? total.Target).ToList(), AsLine: true));
        }
        return new ReportChart($"{total.Name}: значение и план", children.Select(c => c.OrgName).ToList(), series, ChartKind.Columns,
            total.Unit == "%" ? "0\"\u00a0%\"" : "#,##0");
    }

    /// <summary>Without a choice, the indicators that have a plan for the org or its children this year; else the four of «цифровая зрелость».</summary>
    private static async Task<IReadOnlyList<string>> PlannedIndicatorsAsync(BuildReport.Context context, CancellationToken ct)
    {
        await using var db = context.Database.CreateContext();
        var year = context.Period.ContainerOf(PeriodType.Year).Start.Year;
        var id = context.Org.Id;
        var planned = await (from t in db.Targets.AsNoTracking()
                             join o in db.OrgUnits.AsNoTracking() on t.OrgUnitId equals o.Id
                             where t.Year == year && (o.Id == id || o.ParentId == id)
                             select t.IndicatorCode).Distinct().ToListAsync(ct);
        return planned.Count > 0 ? planned : SummaryReport.MaturityIndicators;
    }

    private static async Task<Dictionary<string, string?>> InnsAsync(BuildReport.Context context, CancellationToken ct)
    {
        await using var db = context.Database.CreateContext();
        var id = context.Org.Id;
        return await db.OrgUnits.AsNoTracking().Where(o => o.ParentId == id).ToDictionaryAsync(o => o.Code, o => o.Inn, ct);
    }

    private static string ChildTitle(OrgUnit org) => org.Type switch
    {
        OrgUnitType.Country => "Регион",
        OrgUnitType.Region => "Муниципалитет",
        _ => "Образовательная организация",
    };
}
