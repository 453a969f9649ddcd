using Mera.Core.Domain;
using Mera.Core.Engine;
using Mera.Core.Features.Decisions;
using Mera.Core.Features.Indicators;
using Mera.Core.Features.Roadmap;
using Mera.Core.Formatting;
using Mera.Core.Reports;

namespace Mera.Core.Features.Reports;

/// <summary>
/// The analytical note to the collegium (seed 002): for each planned indicator the plan, the fact and «Показатель
/// исполнен / не исполнен», the schools below their own targets by name, the trend, and the roadmap items and
/// decision items with their status.
/// </summary>
internal static class CollegiumReport
{
    private const int TrendLength = 6;

    public static async Task<ReportDocument> BuildAsync(BuildReport.Context context, CancellationToken ct)
    {
        var year = context.Period.ContainerOf(PeriodType.Year).Start.Year;
        var rows = await ComputeIndicators.RunAsync(context.Database, new ComputeIndicators.Query(
            context.Org.Code, context.Period.Code, Children: true, Indicators: context.Query.Indicators, AsOf: context.AsOf), ct);
        var own = rows.Where(r => r.Org == context.Org.Code).ToList();
        var planned = own.Where(r => r.Target is not null).ToList();
        var shown = planned.Count > 0 ? planned : own.Where(r => SummaryReport.MaturityIndicators.Contains(r.Indicator)).ToList();
        var children = rows.Where(r => r.Org != context.Org.Code).ToList();

        var blocks = new List<ReportBlock>
        {
            new ReportParagraph(planned.Count > 0
                ? $"На {year} год для {context.Org.Name} установлено плановых значений показателей: {planned.Count}."
                : $"Плановые значения показателей на {year} год не установлены; приведены показатели цифровой зрелости."),
        };
        blocks.AddRange(shown.Select((r, i) => new ReportParagraph($"{i + 1}. {r.Name} — {Plan(r)}.")));

        var summary = new List<ReportRow>();
        for (var i = 0; i < shown.Count; i++)
        {
            var r = shown[i];
            var behind = children.Where(c => c.Indicator == r.Indicator && PlanFact.IsLagging(c.Status)).OrderBy(c => c.Value ?? double.MinValue).ToList();
            var withPlan = children.Count(c => c.Indicator == r.Indicator && c.Target is not null);
            blocks.Add(new ReportHeading($"Показатель {i + 1} «{r.Name}» — {Plan(r)}. Факт — {RussianFormat.Value(r.Fact ?? r.Value, r.Unit)}."));
            blocks.Add(new ReportParagraph(Verdict(r), Bold: true));
            blocks.Add(new ReportParagraph($"Данные представили {r.Reported} из {r.Expected} организаций; " +
                $"числитель {RussianFormat.Number(r.Numerator)}{(r.Denominator is null ? "" : $", знаменатель {RussianFormat.Number(r.Denominator)}")}."));
            if (behind.Count > 0)
            {
                blocks.Add(new ReportParagraph($"Ниже установленного значения ({behind.Count} из {withPlan}): " +
                    string.Join("; ", behind.Select(c => $"{c.OrgName} — {RussianFormat.Value(c.Fact ?? c.Value, c.Unit)} при плане {RussianFormat.Value(c.Target, c.Unit)}")) + "."));
            }
            else if (withPlan > 0)
            {
                blocks.Add(new ReportParagraph($"Все организации, которым установлено значение ({withPlan}), его достигли."));
            }
            summary.Add(new ReportRow(
            [
                ReportValue.Of($"{i + 1}"), ReportValue.Of(r.Name), ReportValue.OfUnit(r.Target, r.Unit), ReportValue.OfUnit(r.Fact ?? r.Value, r.Unit),
                ReportValue.Of(r.StatusName), ReportValue.Count(behind.Count),
            ], PlanFact.IsLagging(r.Status) ? RowMark.Lagging : RowMark.Normal));
        }

        blocks.Add(new ReportHeading("Исполнение показателей"));
        blocks.Add(new ReportTable("",
        [
            new("№", ValueFormat.Text, 4), new("Показатель", ValueFormat.Text, 46), new("План", ValueFormat.Decimal, 10),
            new("Факт", ValueFormat.Decimal, 10), new("Статус", ValueFormat.Text, 14), new("ОО ниже плана", ValueFormat.Integer, 10),
        ], summary, IsMain: true));
        blocks.Add(await TrendAsync(context, shown, ct));
        blocks.AddRange(await RoadmapAsync(context, ct));
        blocks.AddRange(await DecisionsAsync(context, ct));

        var header = context.Header("Аналитическая справка к заседанию коллегии",
            $"Об итогах реализации регионального проекта «Цифровая образовательная среда» за {context.Period.DisplayRu} " +
            $"(по состоянию на {RussianFormat.LongDate(context.Query.Today)})");
        return new ReportDocument(context.FileName("spravka-kollegiya"), header, blocks);
    }

    private static string Plan(IndicatorResult r) =>
        r.Target is null ? "план не установлен" : $"плановое значение {RussianFormat.Value(r.Target, r.Unit)}";

    private static string Verdict(IndicatorResult r) => r.Status switch
    {
        PlanFact.Achieved => "Показатель исполнен.",
        PlanFact.AtRisk => $"Показатель под риском неисполнения: прогноз на конец года {RussianFormat.Value(r.Projected, r.Unit)}.",
        PlanFact.NotAchieved => "Показатель не исполнен.",
        _ => "План не установлен, оценка исполнения не проводится.",
    };

    /// <summary>The indicators over the last periods of the report's type, one line each.</summary>
    private static async Task<ReportChart> TrendAsync(BuildReport.Context context, IReadOnlyList<IndicatorResult> shown, CancellationToken ct)
    {
        var periods = context.Period.Trailing(TrendLength);
        var codes = shown.Select(r => r.Indicator).ToList();
        var computed = codes.Count == 0 ? [] : await ComputeTrend.RunAsync(context.Database, periods,
            p => new ComputeIndicators.Query(context.Org.Code, p.Code, Indicators: codes, AssessTargets: false), ct);
        var values = new Dictionary<(string, string), double?>();
        foreach (var r in computed.SelectMany(rows => rows))
        {
            values[(r.Indicator, r.Period)] = r.Value;
        }
        var series = shown.Select((r, i) => new ChartSeries($"П{i + 1}", periods.Select(p => values.GetValueOrDefault((r.Indicator, p.Code))).ToList())).ToList();
        return new ReportChart("Динамика показателей (П1, П2 … — номера показателей выше)", periods.Select(p => p.DisplayRu).ToList(), series, ChartKind.Lines);
    }

    private static async Task<IEnumerable<ReportBlock>> RoadmapAsync(BuildReport.Context context, CancellationToken ct)
    {
        var items = await ListRoadmap.RunAsync(context.Database, context.Org.Code, context.Query.Today, ct);
        if (items.Count == 0)
        {
            return [];
        }
        var overdue = items.Count(i => i.Status == WorkStatus.Overdue);
        return
        [
            new ReportHeading("Дорожная карта"),
            new ReportParagraph($"Мероприятий: {items.Count}, выполнено: {items.Count(i => i.Status == WorkStatus.Done)}, просрочено: {overdue}."),
            new ReportTable("",
            [
                new("№", ValueFormat.Text, 6), new("Мероприятие", ValueFormat.Text, 44), new("Срок", ValueFormat.Text, 14),
                new("Ответственный", ValueFormat.Text, 20), new("Состояние", ValueFormat.Text, 13),
            ], items.Select(i => new ReportRow(
            [
                ReportValue.Of(i.Number), ReportValue.Of(i.Title), ReportValue.Of(i.Deadline ?? (i.End is DateOnly e ? RussianFormat.Date(e) : "")),
                ReportValue.Of(i.Responsible ?? ""), ReportValue.Of(i.StatusName),
            ], i.Status == WorkStatus.Overdue ? RowMark.Lagging : RowMark.Normal)).ToList()),
        ];
    }

    private static async Task<IEnumerable<ReportBlock>> DecisionsAsync(BuildReport.Context context, CancellationToken ct)
    {
        var items = await ListDecisions.RunAsync(context.Database, context.Org.Code, context.Query.Today, ct);
        if (items.Count == 0)
        {
            return [];
        }
        return
        [
            new ReportHeading("Исполнение решений коллегии"),
            new ReportTable("",
            [
                new("Решение", ValueFormat.Text, 14), new("Пункт", ValueFormat.Text, 6), new("Содержание", ValueFormat.Text, 40),
                new("Срок", ValueFormat.Text, 14), new("Состояние", ValueFormat.Text, 12), new("Отчет об исполнении", ValueFormat.Text, 20),
            ], items.Select(i => new ReportRow(
            [
                ReportValue.Of($"№ {i.Decision} от {RussianFormat.Date(i.DecisionDate)}"), ReportValue.Of(i.Number), ReportValue.Of(i.Text),
                ReportValue.Of(i.Deadline ?? ""), ReportValue.Of(i.StatusName), ReportValue.Of(i.ReportNotes ?? ""),
            ], i.Status == WorkStatus.Overdue ? RowMark.Lagging : RowMark.Normal)).ToList()),
        ];
    }
}
