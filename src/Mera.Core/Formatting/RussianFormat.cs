using System.Globalization;

namespace Mera.Core.Formatting;

/// <summary>Numbers as Russian officials write them: «17,6 %», «1 234», dates dd.MM.yyyy. The space before «%» and
/// inside numbers is a no-break space, so a line never ends between a number and its sign.</summary>
public static class RussianFormat
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("ru-RU");

    /// <summary>
    /// A person as a header or a signature line names them: «Смирнова Ольга Ивановна, отдел образования» → «Смирнова О. И.».
    /// A name that is not «surname, name[, patronymic]» is kept as written (up to the comma).
    /// </summary>
    public static string PersonShort(string? fullName)
    {
        var name = (fullName ?? "").Split(',')[0].Trim();
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is 2 or 3 && words.All(w => char.IsUpper(w[0]) && w.All(c => char.IsLetter(c) || c == '-'))
            ? words[0] + " " + string.Join(" ", words.Skip(1).Select(w => $"{w[0]}."))
            : name;
    }

    /// <summary>A count with its noun in the form Russian needs: «1 школа», «3 школы», «16 школ», «21 школа».</summary>
    public static string Count(int n, string one, string few, string many) =>
        $"{n} " + (n % 10 == 1 && n % 100 != 11 ? one : n % 10 is >= 2 and <= 4 && n % 100 is < 12 or > 14 ? few : many);

    public static string Value(double? value, string unit) =>
        value is null ? "нет данных" : unit == "%" ? value.Value.ToString("0.0", Culture) + "\u00a0%" : Number(value);

    public static string Number(double? value) => value?.ToString("#,0.##", Culture) ?? "—";

    /// <summary>A long title cut for a one-line message: at most <paramref name="max"/> characters, «…» marking the cut.</summary>
    public static string Shortened(string text, int max) => text.Length <= max ? text : text[..(max - 3)].TrimEnd() + "…";

    /// <summary>A message fragment («период … не распознан») as a sentence on its own: the first letter capital.</summary>
    public static string Sentence(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    public static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>The month in words, as the seeds date their documents: «23 ноября 2026 г.».</summary>
    public static string LongDate(DateOnly date) => date.ToString("d MMMM yyyy", Culture) + " г.";

    /// <summary>A moment as the region's clock shows it (Europe/Moscow by default): «21.09.2026 10:30».</summary>
    public static string Moment(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Domain.Clock.Zone).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);
}
