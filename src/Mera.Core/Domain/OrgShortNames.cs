using System.Text.RegularExpressions;

namespace Mera.Core.Domain;

/// <summary>
/// The name a table, a chart label or a menu shows (issue 21): the registry's «Краткое наименование» when there is one,
/// else the full name shortened the way officials write it — the legal form dropped («МБОУ»), the school's kind as its
/// usual abbreviation («средняя общеобразовательная школа» → «СОШ»), quotes removed, «муниципальный район» → «район».
/// The full name stays in the registry, in documents and in a tooltip.
/// </summary>
public static partial class OrgShortNames
{
    private static readonly (Regex Pattern, string Replacement)[] Kinds =
    [
        (new Regex("средняя общеобразовательная школа", RegexOptions.IgnoreCase), "СОШ"),
        (new Regex("основная общеобразовательная школа", RegexOptions.IgnoreCase), "ООШ"),
        (new Regex("начальная общеобразовательная школа", RegexOptions.IgnoreCase), "НОШ"),
        (new Regex("муниципальный район", RegexOptions.IgnoreCase), "район"),
        (new Regex("муниципальный округ", RegexOptions.IgnoreCase), "округ"),
    ];

    public static string Of(OrgUnit org) => string.IsNullOrWhiteSpace(org.ShortName) ? Abbreviate(org.Name) : org.ShortName.Trim();

    public static string Abbreviate(string name)
    {
        var text = LegalForm().Replace(name.Trim(), "");
        foreach (var (pattern, replacement) in Kinds)
        {
            text = pattern.Replace(text, replacement);
        }
        text = Spaces().Replace(text.Replace("«", "").Replace("»", "").Replace("\"", ""), " ").Trim();
        return text.Length == 0 ? name : char.ToUpper(text[0]) + text[1..];
    }

    /// <summary>МБОУ, МАОУ, МКОУ, ГБОУ, ЧОУ … at the start, or spelled out («Муниципальное бюджетное общеобразовательное учреждение»).</summary>
    [GeneratedRegex(@"^(?:[МГЧ][АБК]?ОУ|[МГ]БНОУ|АНО(?:\s+[А-Я]+)?|(?:муниципальное|государственное|частное)(?:\s+(?:бюджетное|автономное|казённое|казенное))?\s+общеобразовательное\s+учреждение)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LegalForm();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
