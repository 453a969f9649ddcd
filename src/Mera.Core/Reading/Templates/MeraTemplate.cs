using System.Security.Cryptography;
using System.Text;

namespace Mera.Core.Reading.Templates;

/// <summary>
/// The identity a Mera template carries on its hidden sheet: org, form, period and element order, sealed by a
/// checksum so that a hand-edited service sheet (another school, another period) is recognised and refused.
/// The seal guards against mistakes, not against forgery: access rights decide who may upload for whom.
/// </summary>
public sealed record MeraTemplate(string OrgCode, string FormCode, string PeriodCode, IReadOnlyList<string> ElementCodes)
{
    public const string MarkerKey = "mera-template";
    public const string Version = "1";
    public const string FormSheet = "Форма";
    public const string ServiceSheet = "mera";
    public const string CodeHeader = "Код";
    public const string ValueHeader = "Значение";

    public string Checksum
    {
        get
        {
            var text = string.Join('|', Version, OrgCode, FormCode, PeriodCode, string.Join(',', ElementCodes), "mera-template-seal");
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
        }
    }

    /// <summary>The key/value rows of the service sheet.</summary>
    public IReadOnlyList<(string Key, string Value)> ServiceRows() =>
    [
        (MarkerKey, Version), ("org", OrgCode), ("form", FormCode), ("period", PeriodCode),
        ("elements", string.Join(',', ElementCodes)), ("checksum", Checksum),
    ];

    /// <summary>Reads the service sheet back; null with a Russian reason when it is missing or was altered.</summary>
    public static MeraTemplate? FromServiceRows(IReadOnlyDictionary<string, string> rows, out string? problem)
    {
        problem = null;
        if (!rows.TryGetValue(MarkerKey, out var version))
        {
            problem = "это не шаблон Mera (нет служебного листа): скачайте шаблон формы в Mera и заполните его";
            return null;
        }
        if (version != Version)
        {
            problem = $"шаблон версии {version} не поддерживается: скачайте шаблон заново";
            return null;
        }
        string Get(string key) => rows.TryGetValue(key, out var v) ? v : "";
        var template = new MeraTemplate(Get("org"), Get("form"), Get("period"),
            Get("elements").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (template.Checksum != Get("checksum"))
        {
            problem = "служебный лист шаблона изменён (организация, форма или период не совпадают с контрольной суммой): скачайте шаблон заново";
            return null;
        }
        return template;
    }
}
