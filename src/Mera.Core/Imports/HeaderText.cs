namespace Mera.Core.Imports;

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
}
