using Mera.Core.Engine;
using Mera.Core.Features.Indicators;
using Mera.Core.Reports;

namespace Mera.Core.Features.Reports;

/// <summary>
/// «Сводная информация» to the ministry (seed 000 §6): the platform sub-indicators summed over the schools and the
/// four «цифровая зрелость» indicators with their numerators and denominators, for a municipality and quarter.
/// </summary>
internal static class SummaryReport
{
    /// <summary>Seed 000 §6 in its order: educont students and teachers, then «Открытая школа» students and teachers.</summary>
    public static readonly string[] SubIndicators =
    [
        "educont.students.registered", "educont.students.confirmed", "educont.teachers.registered", "educont.teachers.confirmed",
        "openschool.students.registered", "openschool.students.inactive", "openschool.teachers.registered", "openschool.teachers.inactive",
    ];

    public static readonly string[] MaturityIndicators =
        ["dm.students.profile", "dm.students.recommendations", "dm.teachers.content", "dm.students.content"];

    public static async Task<ReportDocument> BuildAsync(BuildReport.Context context, CancellationToken ct)
    {
        var rows = await ComputeIndicators.RunAsync(context.Database, new ComputeIndicators.Query(
            context.Org.Code, context.Period.Code, Indicators: MaturityIndicators, AsOf: context.AsOf, Elements: SubIndicators), ct);
        var elements = SubIndicators.Select(code => rows.Single(r => r.Indicator == code)).ToList();
        var indicators = MaturityIndicators.Select(code => rows.Single(r => r.Indicator == code)).ToList();

        var subTable = new ReportTable("1. Подпоказатели",
        [
            new("№ п/п", ValueFormat.Text, 6), new("Наименование подпоказателя", ValueFormat.Text, 62),
            new("Единица измерения", ValueFormat.Text, 11), new("Значение", ValueFormat.Integer, 13), new("Представили данные", ValueFormat.Text, 13),
        ], elements.Select((r, i) => new ReportRow(
        [
            ReportValue.Of($"{i + 1}"), ReportValue.Of(r.Name), ReportValue.Of(r.Unit),
            ReportValue.Count(r.Reported > 0 ? r.Numerator : null), ReportValue.Of(Completeness(r)),
        ])).ToList(), IsMain: true);

        var indicatorTable = new ReportTable("2. Показатели цифровой зрелости",
        [
            new("№ п/п", ValueFormat.Text, 6), new("Наименование показателя", ValueFormat.Text, 46), new("Числитель", ValueFormat.Integer, 11),
            new("Знаменатель", ValueFormat.Integer, 11), new("Значение", ValueFormat.Percent, 10), new("План", ValueFormat.Percent, 9),
            new("Статус", ValueFormat.Text, 12),
        ], indicators.Select((r, i) => new ReportRow(
        [
            ReportValue.Of($"{i + 1}"), ReportValue.Of(r.Name), ReportValue.Count(r.Numerator), ReportValue.Count(r.Denominator),
            ReportValue.OfUnit(r.Value, r.Unit), ReportValue.OfUnit(r.Target, r.Unit), ReportValue.Of(r.StatusName),
        ], PlanFact.IsLagging(r.Status) ? RowMark.Lagging : RowMark.Normal)).ToList());

        var reported = indicators.Max(r => r.Reported);
        var expected = indicators.Max(r => r.Expected);
        return new ReportDocument(context.FileName("svodnaya"),
            context.Header("Сводная информация о показателях цифровой зрелости общего образования"),
        [
            subTable,
            indicatorTable,
            new ReportParagraph("Показатели рассчитаны как отношение сумм числителей и знаменателей по образовательным организациям " +
                $"(а не как среднее их процентов). Данные представили {reported} из {expected} организаций.", Italic: true),
        ]);
    }

    public static string Completeness(IndicatorResult r) => $"{r.Reported} из {r.Expected}";
}
