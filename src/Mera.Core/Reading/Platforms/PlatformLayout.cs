using Mera.Core.Domain;

namespace Mera.Core.Reading.Platforms;

/// <summary>One column of a platform export and the element it feeds; the first header is the one shown to users.</summary>
public sealed record PlatformColumn(string ElementCode, bool Required, params string[] Headers)
{
    /// <summary>
    /// Words every column of a family shares («за последние 12 месяцев»): a file column carrying them that matches no
    /// column of the family is a renamed one, and the file is refused naming it rather than loaded without it.
    /// </summary>
    public string? Family { get; init; }
}

/// <summary>
/// How a platform's per-school export looks: which headers identify the school, which carry which element, and
/// the period type the export describes. Layouts are data, so a renamed column is a one-line change.
/// </summary>
public sealed record PlatformLayout(
    string Kind,
    string TitleRu,
    PeriodType PeriodType,
    IReadOnlyList<PlatformColumn> Columns,
    IReadOnlyList<string> MunicipalityHeaders)
{
    public static readonly string[] InnHeaders = ["ИНН", "ИНН ОО", "ИНН организации", "ИНН школы", "inn"];
    public static readonly string[] KppHeaders = ["КПП", "КПП ОО", "kpp"];
    public static readonly string[] CodeHeaders = ["Код ОО", "Код организации", "Код школы", "code", "org"];
    public static readonly string[] NameHeaders =
    [
        "Школа", "Наименование ОО", "Наименование организации", "Образовательная организация", "Организация",
        "Название организации", "Название школы", "Наименование образовательной организации", "ОО", "name",
    ];
}
