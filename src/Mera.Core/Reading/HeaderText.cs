namespace Mera.Core.Reading;

/// <summary>
/// Header cells arrive re-typed and re-hyphenated («Препо-давате-лей зарегис-трирова-но», «Уче-ников**»):
/// comparing only letters and digits, lower-case and with ё as е, makes them match their clean names.
/// </summary>
public static class HeaderText
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var sb = new System.Text.StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (char.IsLetterOrDigit(ch))
            {
                var c = char.ToLowerInvariant(ch);
                sb.Append(c == 'ё' ? 'е' : c);
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// Platform exports explain a column in brackets («Учеников всего (количество учеников в Сферуме)»); the
    /// name before the brackets is what identifies it.
    /// </summary>
    public static string WithoutExplanation(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var open = text.IndexOf('(');
        return open > 0 ? Normalize(text[..open]) : Normalize(text);
    }

    /// <summary>True when the header names the column: equal after normalising, with or without its explanation.</summary>
    public static bool Matches(string? header, string normalizedName)
    {
        var full = Normalize(header);
        return full.Length > 0 && (full == normalizedName || WithoutExplanation(header) == normalizedName);
    }
}
