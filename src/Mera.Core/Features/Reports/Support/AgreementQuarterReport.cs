using Mera.Core.Domain;
using Mera.Core.Engine;
using Mera.Core.Features.Agreements;
using Mera.Core.Features.Indicators;
using Mera.Core.Formatting;
using Mera.Core.Documents;

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
                var cell = row.Cells.FirstOrDefault(c => c.Year == year);
                var result = row.Indicator is not null ? facts.GetValueOrDefault(row.Indicator) : null;
                // One plan: a linked row's plan is the target its status was judged against.
                var plan = result?.Target ?? cell?.Plan;
                var judged = result is not null && PlanFact.IsJudged(result.Status);
                double? share = judged && result!.Fact is double f && plan is double t && t != 0 ? 100 * f / t : null;
                rows.Add(new ReportRow(
                [
                    ReportValue.Of(row.Number), ReportValue.Of(row.Title), ReportValue.Of(plan, ValueFormat.Decimal),
                    result is null ? ReportValue.Of("") : result.Fact is null ? ReportValue.Missing : ReportValue.Of(result.Fact, ValueFormat.Decimal),
                    ReportValue.Percent(share),
                    ReportValue.Of(result is null ? "" : result.Target is null ? PlanFact.ToRussian(PlanFact.NoTarget) : result.StatusText),
                    ReportValue.Of(Comment(row.Indicator, cell, result)),
                ], result is not null && PlanFact.IsLagging(result.Status) ? RowMark.Lagging : RowMark.Normal));
            }
        }
        var header = context.Header("Отчет о достижении значений результатов (показателей) региональных проектов",
            $"за {context.Period.DisplayRu} ({context.AsOfPhrase}); Соглашение от {RussianFormat.Date(agreement.Date)} № {agreement.Number}, план на {year} год");
        return new ReportDocument(context.FileName("otchet-soglashenie"), header,
        [
            new ReportTable("",
            [
                new("№ п/п", ValueFormat.Text, 5), new("Наименование результата (показателя)", ValueFormat.Text, 44),
                new($"План на {year} год", ValueFormat.Decimal, 11), new("Факт на отчетную дату", ValueFormat.Decimal, 11),
                new("Исполнение плана", ValueFormat.Percent, 11), new("Статус", ValueFormat.Text, 22), new("Комментарий", ValueFormat.Text, 26),
            ], rows, IsMain: true),
        ], Landscape: true);
    }

    private static string Comment(string? indicator, ShowAgreement.Cell? plan, IndicatorResult? result)
    {
        if (indicator is null)
        {
            return "заполняется по документам (строка не связана с показателем)";
        }
        var parts = new List<string>();
        if (result is not null)
        {
            parts.Add(result.Reported == 0 ? "ни одна организация не представила данные за период" : $"данные представили {result.Reported} из {result.Expected}");
            if (BaseLine.Describe(result) is { } baseline)
            {
                parts.Add(baseline);
            }
        }
        if (plan?.Note is { } note)
        {
            parts.Add(note);
        }
        return string.Join("; ", parts);
    }
}
