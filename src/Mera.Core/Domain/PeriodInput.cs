using System.Globalization;
using System.Text.RegularExpressions;

namespace Mera.Core.Domain;

/// <summary>
/// A period as a person types it on a page (issue 21): the codes files use («2026Q3», «2026-09», «2026-W41», «2026») and
/// the words people write — «3 квартал 2026 г.», «3 кв. 2026», «III квартал 2026», «2026-Q3», «сентябрь 2026»,
/// «сентября 2026 года», «2026 год», «41 неделя 2026». What cannot be read is an error with examples, never ignored.
/// Files keep the strict codes (<see cref="Period.TryParse"/>).
/// </summary>
public static partial class PeriodInput
{
    public const string Examples = "«3 квартал 2026», «сентябрь 2026», «2026 год» или «41 неделя 2026»";

    /// <summary>Each month's words: nominative, genitive, prepositional and the usual abbreviations.</summary>
    private static readonly string[][] MonthWordsList =
    [
        ["январь", "января", "январе", "янв"], ["февраль", "февраля", "феврале", "фев", "февр"], ["март", "марта", "марте", "мар"],
        ["апрель", "апреля", "апреле", "апр"], ["май", "мая", "мае"], ["июнь", "июня", "июне", "июн"], ["июль", "июля", "июле", "июл"],
        ["август", "августа", "августе", "авг"], ["сентябрь", "сентября", "сентябре", "сен", "сент"],
        ["октябрь", "октября", "октябре", "окт"], ["ноябрь", "ноября", "ноябре", "ноя", "нояб"], ["декабрь", "декабря", "декабре", "дек"],
    ];

    public static bool TryParse(string? text, out Period period, out string? error)
    {
        period = default;
        error = null;
        var raw = (text ?? "").Trim();
        if (Period.TryParse(raw, out period, out var strict))
        {
            return true;
        }
        if (StrictCode().IsMatch(raw))
        {
            error = $"период «{raw}»: {strict}"; // a code out of range («0001Q1»): its own reason, not the examples
            return false;
        }
        var t = Tail().Replace(Spaces().Replace(raw.ToLowerInvariant().Replace('ё', 'е'), " "), "").Trim();
        // Words become the code, and the code is read by the strict parser, so its limits (years 1900–2999 …) hold here too.
        string? code = QuarterCode().Match(t) is { Success: true } q ? $"{q.Groups[1].Value}Q{q.Groups[2].Value}"
            : QuarterWords().Match(t) is { Success: true } w && Quarter(w.Groups[1].Value) is int number ? $"{w.Groups[2].Value}Q{number}"
            : MonthWords().Match(t) is { Success: true } m && Month(m.Groups[1].Value) is int month ? $"{m.Groups[2].Value}-{month:00}"
            : YearWords().Match(t) is { Success: true } y ? y.Groups[1].Value
            : WeekWords().Match(t) is { Success: true } wk ? $"{wk.Groups[2].Value}-W{int.Parse(wk.Groups[1].Value, CultureInfo.InvariantCulture):00}"
            : null;
        string? limit = null;
        if (code is not null && Period.TryParse(code, out period, out limit))
        {
            return true;
        }
        error = raw.Length == 0 ? $"укажите период, например {Examples}"
            : code is not null ? $"период «{raw}»: {limit}"
            : $"период «{raw}» не распознан: напишите, например, {Examples}";
        return false;
    }

    /// <summary>The period typed, or <paramref name="fallback"/> when nothing was typed; a typed period that cannot be read is an error.</summary>
    public static Period Resolve(string? text, Period fallback, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }
        return TryParse(text, out var period, out error) ? period : fallback;
    }

    private static int? Quarter(string text) => text switch
    {
        "1" or "i" => 1,
        "2" or "ii" => 2,
        "3" or "iii" => 3,
        "4" or "iv" => 4,
        _ => null,
    };

    private static int? Month(string word)
    {
        for (var i = 0; i < MonthWordsList.Length; i++)
        {
            if (MonthWordsList[i].Contains(word))
            {
                return i + 1;
            }
        }
        return null;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^\d{4}([Qq][0-9]|-[Ww]?\d{1,2})?$")]
    private static partial Regex StrictCode();

    /// <summary>« г.», « года», « год» at the end (but «2026 год» alone is a year, handled after).</summary>
    [GeneratedRegex(@"\s*(г\.?|года)$")]
    private static partial Regex Tail();

    [GeneratedRegex(@"^(\d{4})\s*-?\s*q\s*([1-4])$")]
    private static partial Regex QuarterCode();

    [GeneratedRegex(@"^([1-4]|iv|i{1,3})\s*(?:-?[йи]|-?ый)?\s*(?:квартал|кв\.?)\s*(\d{4})$")]
    private static partial Regex QuarterWords();

    [GeneratedRegex(@"^([а-я]+)\.?\s*(\d{4})$")]
    private static partial Regex MonthWords();

    [GeneratedRegex(@"^(\d{4})\s*(?:год)?$")]
    private static partial Regex YearWords();

    [GeneratedRegex(@"^(\d{1,2})\s*(?:-?я)?\s*(?:неделя|нед\.?)\s*(\d{4})$")]
    private static partial Regex WeekWords();
}
