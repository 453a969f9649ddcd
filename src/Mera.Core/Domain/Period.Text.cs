using System.Globalization;
using System.Text.RegularExpressions;

namespace Mera.Core.Domain;

// Codes and Russian display text. Codes are what users type in CLI arguments and
// spreadsheet headers, so parsing is lenient (case, spaces, unpadded numbers)
// while Code always produces the single canonical form.
public readonly partial record struct Period
{
    private const string ExpectedFormats = "ожидается 2024, 2024Q3, 2024-09 или 2024-W05";

    // Nominative, lower case: used as "сентябрь 2024 г." in report headers.
    private static readonly string[] MonthNamesRu =
    [
        "январь", "февраль", "март", "апрель", "май", "июнь",
        "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь",
    ];

    // Imports and roll-ups ask for the code of the same few periods millions of times: format each once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Period, string> Codes = new();

    /// <summary>Canonical code: <c>2024</c>, <c>2024Q3</c>, <c>2024-09</c>, <c>2024-W05</c>.</summary>
    public string Code => Codes.GetOrAdd(this, static p => p.FormatCode());

    private string FormatCode() => Type switch
    {
        PeriodType.Year => Invariant($"{Year:D4}"),
        PeriodType.Quarter => Invariant($"{Year:D4}Q{Number}"),
        PeriodType.Month => Invariant($"{Year:D4}-{Number:D2}"),
        PeriodType.Week => Invariant($"{Year:D4}-W{Number:D2}"),
        _ => throw Uninitialized(),
    };

    /// <summary>Human-readable Russian name, e.g. «3 квартал 2024 г.» or «неделя 05 (29.01–04.02.2024)».</summary>
    public string DisplayRu => Type switch
    {
        PeriodType.Year => Invariant($"{Year} год"),
        PeriodType.Quarter => Invariant($"{Number} квартал {Year} г."),
        PeriodType.Month => Invariant($"{MonthNamesRu[Number - 1]} {Year} г."),
        PeriodType.Week => Invariant($"неделя {Number:D2} ({WeekRange()})"),
        _ => throw Uninitialized(),
    };

    /// <summary>A chart axis label: «3 кв. 2024», «сент. 2024», «2024», «нед. 05 2024».</summary>
    public string ShortRu => Type switch
    {
        PeriodType.Year => Invariant($"{Year}"),
        PeriodType.Quarter => Invariant($"{Number} кв. {Year}"),
        PeriodType.Month => Invariant($"{MonthShortRu[Number - 1]} {Year}"),
        PeriodType.Week => Invariant($"нед. {Number:D2} {Year}"),
        _ => throw Uninitialized(),
    };

    private static readonly string[] MonthShortRu =
        ["янв.", "февр.", "март", "апр.", "май", "июнь", "июль", "авг.", "сент.", "окт.", "нояб.", "дек."];

    public override string ToString() => Code;

    /// <exception cref="FormatException">Bad code; the message is Russian and names the code.</exception>
    public static Period Parse(string code) =>
        TryParse(code, out var period, out var error) ? period : throw new FormatException(error);

    /// <summary>Parses a period code; on failure <paramref name="errorRu"/> explains why in Russian.</summary>
    public static bool TryParse(string? code, out Period period, out string? errorRu)
    {
        period = default;
        var text = code?.Trim() ?? "";
        if (text.Length == 0)
        {
            errorRu = $"Пустой код периода: {ExpectedFormats}";
            return false;
        }

        var match = CodePattern().Match(text);
        if (!match.Success)
        {
            errorRu = $"Неверный код периода \"{text}\": {ExpectedFormats}";
            return false;
        }

        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        var hasNumber = match.Groups["n"].Success;
        var number = hasNumber ? int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture) : 0;
        var type = !hasNumber ? PeriodType.Year
            : match.Groups["q"].Success ? PeriodType.Quarter
            : match.Groups["w"].Success ? PeriodType.Week
            : PeriodType.Month;

        // A code before 1900 or after 2999 is a typo (0001Q1, 9999), never data: refused at the door, so no request
        // walks a period into the ends of the calendar.
        var invalid = year is < 1900 or > 2999 ? $"год {year} вне 1900–2999" : Validate(type, year, number);
        if (invalid is not null)
        {
            // A missing week 53 is a common surprise, so say so; other range errors are plain typos.
            errorRu = type == PeriodType.Week && number == 53 && year is >= 1900 and <= 2999
                ? $"Неверный код периода \"{text}\": в {year} ISO-году только 52 недели"
                : year is < 1900 or > 2999 ? $"Неверный код периода \"{text}\": {invalid}"
                : $"Неверный код периода \"{text}\": {ExpectedFormats}";
            return false;
        }

        period = new Period(type, year, number);
        errorRu = null;
        return true;
    }

    // Same year: «29.01–04.02.2024»; across New Year both years are shown.
    private string WeekRange()
    {
        var start = Start;
        var end = End;
        var startFormat = start.Year == end.Year ? "dd.MM" : "dd.MM.yyyy";
        return start.ToString(startFormat, CultureInfo.InvariantCulture) + "–"
            + end.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    // [0-9] rather than \d: \d would also accept Arabic-Indic and other Unicode digits.
    [GeneratedRegex(@"^(?<y>[0-9]{4})(?:(?<q>Q)(?<n>[0-9])|-(?<w>W)?(?<n>[0-9]{1,2}))?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
