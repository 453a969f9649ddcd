using Mera.Core.Domain;
using Mera.Core.Engine;
using Mera.Core.Features.Agreements;
using Mera.Core.Features.Indicators;
using Mera.Core.Formatting;
using Mera.Core.Reports;

namespace Mera.Core.Features.Reports;

/// <summary>
/// Seed 003 §2.3.4 / Annex 3: the quarterly report to the region on the agreement's indicators — the year's plan,
/// the fact at the end of the quarter, the share of plan done, the status and a comment.
/// </summary>
internal static class AgreementQuarterReport
{
    public static async Task<ReportDocument> BuildAsync(BuildReport.Context context, CancellationToken ct)
    {
        var agreement = await AgreementReport.LoadAsync(context, ct);
        var year = context.Period.ContainerOf(PeriodType.Year).Start.Year;
        var linked = agreement.Rows.Where(r => r.Indicator is not null).Select(r => r.Indicator!).Distinct().ToList();
        var facts = linked.Count == 0 ? [] : (await ComputeIndicators.RunAsync(context.Database, new ComputeIndicators.Query(
            context.Org.Code, context.Period.Code, Indicators: linked, AsOf: context.AsOf), ct)).ToDictionary(r => r.Indicator);

        var rows = new List<ReportRow>();
        foreach (var project in agreement.Rows.GroupBy(r => r.Project))
        {
            rows.Add(new ReportRow([ReportValue.Of(""), ReportValue.Of(project.Key), ReportValue.Of(""), ReportValue.Of(""), ReportValue.Of(""), ReportValue.Of(""), ReportValue.Of("")], RowMark.Section));
            foreach (var row in project)
            {
                var plan = row.Cells.FirstOrDefault(c => c.Year == year);
                var result = row.Indicator is not null ? facts.GetValueOrDefault(row.Indicator) : null;
                var fact = result is null ? null : result.Fact ?? result.Value;
                var target = plan?.Plan ?? result?.Target;
                double? share = fact is double f && target is double t && t != 0 ? 100 * f / t : null;
                var status = result?.Status ?? PlanFact.NoTarget;
                rows.Add(new ReportRow(
                [
                    ReportValue.Of(row.Number), ReportValue.Of(row.Title), ReportValue.Of(target, ValueFormat.Decimal),
                    ReportValue.Of(fact, ValueFormat.Decimal), ReportValue.Percent(share),
                    ReportValue.Of(result is null ? "" : PlanFact.ToRussian(status)), ReportValue.Of(Comment(row.Indicator, plan, result)),
                ], PlanFact.IsLagging(status) ? RowMark.Lagging : RowMark.Normal));
            }
        }
        var header = context.Header("Отчет о достижении значений результатов (показателей) региональных проектов",
            $"за {context.Period.DisplayRu} (Соглашение от {RussianFormat.Date(agreement.Date)} № {agreement.Number}; план на {year} год)");
        return new ReportDocument(context.FileName("otchet-soglashenie"), header,
        [
            new ReportTable("",
            [
                new("№ п/п", ValueFormat.Text, 5), new("Наименование результата (показателя)", ValueFormat.Text, 50),
                new($"План на {year} год", ValueFormat.Decimal, 11), new("Факт на отчетную дату", ValueFormat.Decimal, 11),
                new("Исполнение плана", ValueFormat.Percent, 11), new("Статус", ValueFormat.Text, 13), new("Комментарий", ValueFormat.Text, 30),
            ], rows, IsMain: true),
        ], Landscape: true);
    }

    private static string Comment(string? indicator, ShowAgreement.Cell? plan, IndicatorResult? result)
    {
        if (indicator is null)
        {
            return "заполняется по документам (строка не связана с показателем)";
        }
        if (result is null || (result.Fact ?? result.Value) is null)
        {
            return "нет данных за отчетный период";
        }
        var parts = new List<string> { $"данные {result.Reported} из {result.Expected} организаций" };
        if (result.Projected is double p)
        {
            parts.Add($"прогноз на конец года {RussianFormat.Value(p, result.Unit)}");
        }
        if (plan?.Note is { } note)
        {
            parts.Add(note);
        }
        return string.Join("; ", parts);
    }
}
