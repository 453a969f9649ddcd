using Mera.Core.Domain;
using Mera.Core.Engine;
using Mera.Core.Features.Decisions;
using Mera.Core.Features.Indicators;
using Mera.Core.Features.Roadmap;
using Mera.Core.Formatting;
using Mera.Core.Documents;

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
        var children = rows.Where(r => r.Org != context.Org.Code).ToList();
        // Planned: a target of the org itself, or a rule for each of its organisations («не менее 70 % в каждом ОУ»,
        // seed 002's main message) — such an indicator is reported with its lagging organisations named.
        var childTargets = children.Where(c => c.Target is not null).Select(c => c.Indicator).ToHashSet();
        var planned = own.Where(r => r.Target is not null || childTargets.Contains(r.Indicator)).ToList();
        // Shown: the indicators asked for; else the planned ones; else the four of «цифровая зрелость» (all, if the
        // catalog has none of them).
        var maturity = own.Where(r => SummaryReport.MaturityIndicators.Contains(r.Indicator)).ToList();
        var shown = context.Query.Indicators is { Count: > 0 } ? own : planned.Count > 0 ? planned : maturity.Count > 0 ? maturity : own;

        var blocks = new List<ReportBlock>
        {
            new ReportParagraph(planned.Count > 0
                ? $"Плановые значения на {year} год установлены по показателям: {planned.Count}."
                : $"Плановые значения показателей на {year} год не установлены; приведены показатели цифровой зрелости."),
        };
        blocks.AddRange(shown.Select((r, i) => new ReportParagraph($"{i + 1}. {r.Name} — {Plan(r, children)}.")));

        var summary = new List<ReportRow>();
        for (var i = 0; i < shown.Count; i++)
        {
            var r = shown[i];
            var mine = children.Where(c => c.Indicator == r.Indicator).ToList();
            var behind = mine.Where(c => PlanFact.IsLagging(c.Status)).OrderBy(c => c.Value ?? double.MinValue).ToList();
            var silent = mine.Where(c => c.Target is not null && c.Status is PlanFact.NoData or PlanFact.InsufficientData).ToList();
            var withPlan = mine.Count(c => c.Target is not null);
            blocks.Add(new ReportHeading($"Показатель {i + 1} «{r.Name}» — {Plan(r, children)}. Факт — {RussianFormat.Value(r.Fact ?? r.Value, r.Unit)}."));
            blocks.Add(new ReportParagraph(Verdict(r, behind.Count), Bold: true));
            blocks.Add(new ReportParagraph(r.Reported == 0
                ? $"Данные не представила ни одна из {r.Expected} организаций."
                : $"Данные представили {r.Reported} из {r.Expected}; " +
                  $"числитель {RussianFormat.Number(r.Numerator)}{(r.Denominator is null ? "" : $", знаменатель {RussianFormat.Number(r.Denominator)}")}." +
                  (BaseLine.Describe(r) is { } b ? $" {RussianFormat.Sentence(b)}." : "")));
            if (behind.Count > 0)
            {
                blocks.Add(new ReportParagraph($"Ниже установленного значения ({behind.Count} из {withPlan}): " +
                    string.Join("; ", behind.Select(c => $"{c.OrgName} — {RussianFormat.Value(c.Fact ?? c.Value, c.Unit)} при плане {RussianFormat.Value(c.Target, c.Unit)}")) + "."));
            }
            else if (withPlan > 0 && silent.Count == 0)
            {
                blocks.Add(new ReportParagraph($"Все организации, которым установлено значение ({withPlan}), его достигли."));
            }
            if (silent.Count > 0)
            {
                blocks.Add(new ReportParagraph($"Не представили данные ({silent.Count} из {withPlan}): " + string.Join("; ", silent.Select(c => c.OrgName)) + "."));
            }
            summary.Add(new ReportRow(
            [
                ReportValue.Of($"{i + 1}"), ReportValue.Of(r.Name), r.Target is null ? ReportValue.Of(EachPlan(r, children) ?? "") : ReportValue.OfUnit(r.Target, r.Unit),
                ReportValue.Fact(r.Fact ?? r.Value, r.Unit),
                ReportValue.Of(r.Target is null ? (withPlan > 0 ? $"ниже плана: {behind.Count} из {withPlan}" : "") : r.StatusText), ReportValue.Count(behind.Count),
            ], PlanFact.IsLagging(r.Status) || behind.Count > 0 ? RowMark.Lagging : RowMark.Normal));
        }

        blocks.Add(new ReportHeading("Исполнение показателей"));
        blocks.Add(new ReportTable("",
        [
            new("№", ValueFormat.Text, 4), new("Показатель", ValueFormat.Text, 38), new("План", ValueFormat.Decimal, 12),
            new("Факт", ValueFormat.Decimal, 10), new("Статус", ValueFormat.Text, 20), new("Ниже плана", ValueFormat.Integer, 11),
        ], summary, IsMain: true));
        blocks.Add(await TrendAsync(context, shown, ct));
        blocks.AddRange(await RoadmapAsync(context, ct));
        blocks.AddRange(await DecisionsAsync(context, ct));

        var header = context.Header("Аналитическая справка к заседанию коллегии",
            $"Об итогах реализации регионального проекта «Цифровая образовательная среда» за {context.Period.DisplayRu} ({context.AsOfPhrase})");
        return new ReportDocument(context.FileName("spravka-kollegiya"), header, blocks);
    }

    private static string Plan(IndicatorResult r, IReadOnlyList<IndicatorResult> children)
    {
        var each = EachPlan(r, children);
        var own = r.Target is null ? null : $"плановое значение {RussianFormat.Value(r.Target, r.Unit)}";
        return own is not null && each is not null ? $"{own}, {each}" : own ?? each ?? "план не установлен";
    }

    /// <summary>The rule set for each organisation: «не менее 70,0 % в каждой организации» when all share it.</summary>
    private static string? EachPlan(IndicatorResult r, IReadOnlyList<IndicatorResult> children)
    {
        var targets = children.Where(c => c.Indicator == r.Indicator && c.Target is not null).Select(c => c.Target!.Value).Distinct().ToList();
        return targets.Count switch
        {
            0 => null,
            1 => $"не менее {RussianFormat.Value(targets[0], r.Unit)} в каждой организации",
            _ => "значения установлены каждой организации",
        };
    }

    private static string Verdict(IndicatorResult r, int behind) => r.Status switch
    {
        PlanFact.Achieved => "Показатель исполнен.",
        PlanFact.NotAchieved => "Показатель не исполнен.",
        PlanFact.OnTrack => "Плановое значение достигнуто; год не завершён, показатель идёт к исполнению.",
        PlanFact.NotYet when r.Projected is double p => $"Плановое значение пока не достигнуто; прогноз на конец года {RussianFormat.Value(p, r.Unit)} позволяет его достичь.",
        PlanFact.NotYet => "Плановое значение пока не достигнуто; год не завершён, данных для прогноза недостаточно.",
        PlanFact.AtRisk => $"Показатель под риском неисполнения: прогноз на конец года {RussianFormat.Value(r.Projected, r.Unit)}.",
        PlanFact.NoData => "Данные за период не представлены, оценка исполнения невозможна.",
        PlanFact.InsufficientData => $"Данных недостаточно для оценки исполнения ({Completeness.Phrase(r.Reported, r.Expected)}).",
        _ when behind > 0 => $"Значение, установленное каждой организации, не достигнуто (организаций ниже плана: {behind}).",
        _ => "Плановое значение не установлено; показатель приведён для сведения.",
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
