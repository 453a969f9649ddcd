using System.Globalization;

namespace Mera.Core.Reading;

/// <summary>Numbers and flags as Russian officials type them: «1 234», «12,5», «да»/«нет».</summary>
public static class CellParsing
{
    public static bool TryNumber(string text, out double value)
    {
        var t = text.Replace("\u00A0", "").Replace("\u202F", "").Replace(" ", "").Replace(',', '.');
        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    public static bool? Flag(string text) => HeaderText.Normalize(text) switch
    {
        "1" or "да" or "yes" or "true" or "истина" or "сельская" or "село" or "активен" or "активна" or "зарегистрирована"
            or "зарегистрирован" => true,
        "0" or "нет" or "no" or "false" or "ложь" or "" or "городская" or "город" or "неактивен" or "неактивна"
            or "незарегистрирована" or "незарегистрирован" => false,
        _ => null,
    };

    /// <summary>A date between 1900 and 2999: 31.12.9999 is a typo, and a page asked for it would run off the calendar.</summary>
    public static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "dd.MM.yyyy", "d.M.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
        && date.Year is >= 1900 and <= 2999;
}
