using System.Globalization;
using System.Text.RegularExpressions;

namespace Mera.Core.Domain;

/// <summary>
/// Russian taxpayer number (ИНН): 10 digits for organisations, 12 for individuals.
/// The last one (10-digit) or two (12-digit) digits are weighted checksums mod 11 mod 10.
/// </summary>
public static partial class Inn
{
    private static readonly int[] Weights10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
    private static readonly int[] Weights11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
    private static readonly int[] Weights12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

    /// <summary>Strict check of an already normalized value: exactly 10 or 12 ASCII digits with valid check digits.</summary>
    public static bool IsValid(string? inn)
    {
        if (inn is null || !IsAsciiDigits(inn)) return false;
        return inn.Length switch
        {
            10 => CheckDigit(inn, Weights10) == inn[9] - '0',
            12 => CheckDigit(inn, Weights11) == inn[10] - '0' && CheckDigit(inn, Weights12) == inn[11] - '0',
            _ => false,
        };
    }

    /// <summary>
    /// Cleans an INN as it arrives from spreadsheets: trims, drops spaces, undoes numeric
    /// storage ("548006320.0", "5.48006320E+8") and restores the leading zero that a number
    /// cell loses (9 → 10 digits, 11 → 12). Returns null when the value is not a number.
    /// Length and check digits are not verified here; see <see cref="Check"/>.
    /// </summary>
    public static string? Normalize(string? raw)
    {
        if (raw is null) return null;
        var text = string.Concat(raw.Where(c => !char.IsWhiteSpace(c)));
        if (text.Length == 0) return null;

        if (!IsAsciiDigits(text))
        {
            var numeric = FromNumericText(text);
            if (numeric is null) return null;
            text = numeric;
        }

        // Region codes 01–09 start with zero; a number cell silently drops it.
        return text.Length is 9 or 11 ? "0" + text : text;
    }

    /// <summary>Null when <paramref name="raw"/> normalizes to a valid INN, otherwise the Russian reason.</summary>
    public static string? Check(string? raw, out string? normalized)
    {
        normalized = Normalize(raw);
        if (string.IsNullOrWhiteSpace(raw)) return "ИНН не указан";
        if (normalized is null || normalized.Length is not (10 or 12)) return "ИНН должен содержать 10 цифр";
        return IsValid(normalized) ? null : $"неверная контрольная цифра ИНН {normalized}";
    }

    private static int CheckDigit(string digits, int[] weights)
    {
        var sum = 0;
        for (var i = 0; i < weights.Length; i++)
            sum += (digits[i] - '0') * weights[i];
        return sum % 11 % 10;
    }

    private static bool IsAsciiDigits(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);

    // Only whole, positive numbers below 10^12 qualify: "548006320.5" or "-5" are not INNs.
    private static string? FromNumericText(string text)
    {
        if (!NumericPattern().IsMatch(text)) return null;
        if (!decimal.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            return null;
        if (value <= 0 || value >= 1_000_000_000_000m || value != decimal.Truncate(value)) return null;
        return decimal.Truncate(value).ToString("0", CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^[0-9]+(?:[.,][0-9]+)?(?:[eE]\+?[0-9]{1,2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumericPattern();
}
