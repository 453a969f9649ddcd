using Mera.Core.Engine;
using Mera.Core.Features.Indicators;
using Mera.Core.Documents;

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

    /// <summary>The rows' names exactly as seed 000 §6 words them (the catalog's names follow the platforms' columns).</summary>
    private static readonly Dictionary<string, string> _sectionSixNames = new()
    {
        ["educont.students.registered"] = "Количество обучающихся общеобразовательных организаций, зарегистрированных на образовательной онлайн-платформе educont.ru",
        ["educont.students.confirmed"] = "Количество обучающихся общеобразовательных организаций, зарегистрированных на образовательной онлайн-платформе educont.ru, учетные записи которых подтверждены",
        ["educont.teachers.registered"] = "Количество педагогических работников общеобразовательных организаций, зарегистрированных на образовательной онлайн-платформе educont.ru",
        ["educont.teachers.confirmed"] = "Количество педагогических работников общеобразовательных организаций, зарегистрированных на образовательной онлайн-платформе educont.ru, учетные записи которых подтверждены",
        ["openschool.students.registered"] = "Количество обучающихся общеобразовательных организаций, зарегистрированных на образовательной онлайн-платформе «Открытая школа»",
        ["openschool.students.inactive"] = "Количество обучающихся общеобразовательных организаций, не выполнявших задания на образовательной онлайн-платформе «Открытая школа» в отчетный период",
        ["openschool.teachers.registered"] = "Количество педагогических работников общеобразовательных организаций, зарегистрированных на образовательной онлайн-платформе «Открытая школа»",
        ["openschool.teachers.inactive"] = "Количество педагогических работников общеобразовательных организаций, не открывавших уроки на образовательной онлайн-платформе «Открытая школа» в отчетный период",
    };

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
            new("№ п/п", ValueFormat.Text, 6), new("Наименование подпоказателя", ValueFormat.Text, 60),
            new("Единица измерения", ValueFormat.Text, 11), new("Значение", ValueFormat.Integer, 13), new("Представили данные", ValueFormat.Text, 15),
        ], elements.Select((r, i) => new ReportRow(
        [
            ReportValue.Of($"{i + 1}"), ReportValue.Of(_sectionSixNames.GetValueOrDefault(r.Indicator, r.Name)), ReportValue.Of(r.Unit),
            r.Reported > 0 ? ReportValue.Count(r.Numerator) : ReportValue.Missing, ReportValue.Of(Completeness(r)),
        ])).ToList(), IsMain: true);

        var indicatorTable = new ReportTable("2. Показатели цифровой зрелости",
        [
            new("№ п/п", ValueFormat.Text, 5), new("Наименование показателя", ValueFormat.Text, 40), new("Числитель", ValueFormat.Integer, 11),
            new("Знаменатель", ValueFormat.Integer, 12), new("Значение", ValueFormat.Percent, 10), new("План", ValueFormat.Percent, 9),
            new("Статус", ValueFormat.Text, 19),
        ], indicators.Select((r, i) => new ReportRow(
        [
            ReportValue.Of($"{i + 1}"), ReportValue.Of(r.Name), ReportValue.Count(r.Numerator), ReportValue.Count(r.Denominator),
            ReportValue.Fact(r.Value, r.Unit), ReportValue.OfUnit(r.Target, r.Unit), ReportValue.Of(r.Target is null ? "" : r.StatusText),
        ], PlanFact.IsLagging(r.Status) ? RowMark.Lagging : RowMark.Normal)).ToList());

        var reported = indicators.Max(r => r.Reported);
        var expected = indicators.Max(r => r.Expected);
        List<ReportBlock> byMunicipality = context.Org.Type is Domain.OrgUnitType.Region or Domain.OrgUnitType.Country
            ? [await MunicipalitiesAsync(context, indicators, ct)] : [];
        return new ReportDocument(context.FileName("svodnaya"),
            context.Header("Сводная информация о показателях цифровой зрелости общего образования"),
        [
            subTable,
            indicatorTable,
            .. byMunicipality,
            new ReportParagraph("Показатели рассчитаны как отношение сумм числителей и знаменателей по образовательным организациям " +
                $"(а не как среднее их процентов) и только по организациям, представившим данные. Данные представили {reported} из {expected}.", Italic: true),
        ]);
    }

    public static string Completeness(IndicatorResult r) => $"{r.Reported} из {r.Expected}";

    /// <summary>
    /// The region's summary: a row per municipality with the four indicators, and the region's own row — the ratio of
    /// the sums over every school of the region, the same number as table 2 (never an average of the municipalities).
    /// </summary>
    private static async Task<ReportTable> MunicipalitiesAsync(BuildReport.Context context, IReadOnlyList<IndicatorResult> own, CancellationToken ct)
    {
        var rows = await ComputeIndicators.RunAsync(context.Database, new ComputeIndicators.Query(
            context.Org.Code, context.Period.Code, Children: true, Indicators: MaturityIndicators, AsOf: context.AsOf, AssessTargets: false), ct);
        var columns = new List<ReportColumn> { new("№ п/п", ValueFormat.Text, 6), new("Муниципальное образование", ValueFormat.Text, 40) };
        // Headers by number: the indicators' full names stand in table 2 just above, and would not fit a column.
        columns.AddRange(own.Select((r, i) => new ReportColumn($"Показатель {i + 1}", ValueFormat.Percent, 12)));
        columns.Add(new ReportColumn("Данные от школ", ValueFormat.Text, 12));
        var table = new List<ReportRow>();
        foreach (var (municipality, i) in rows.Where(r => r.Org != context.Org.Code).GroupBy(r => (r.Org, r.OrgName)).OrderBy(g => g.Key.OrgName).Select((g, i) => (g, i)))
        {
            var values = MaturityIndicators.Select(code => municipality.Single(r => r.Indicator == code)).ToList();
            table.Add(new ReportRow([ReportValue.Of($"{i + 1}"), ReportValue.Of(municipality.Key.OrgName),
                .. values.Select(r => ReportValue.Fact(r.Value, r.Unit)), ReportValue.Of(Completeness(values.MaxBy(r => r.Expected)!))]));
        }
        table.Add(new ReportRow([ReportValue.Of(""), ReportValue.Of($"Итого: {context.Org.Name}"),
            .. own.Select(r => ReportValue.Fact(r.Value, r.Unit)), ReportValue.Of(Completeness(own.MaxBy(r => r.Expected)!))], RowMark.Total));
        return new ReportTable("3. По муниципальным образованиям (показатели 1–4 таблицы 2)", columns, table);
    }
}
