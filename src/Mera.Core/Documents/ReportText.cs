using Mera.Core.Formatting;

namespace Mera.Core.Documents;

/// <summary>A cell as text for DOCX and CSV: «17,6 %», «1 234» with a non-breaking space, «—» when there is no value.</summary>
public static class ReportText
{
    public static string Of(ReportValue value) => value.Format switch
    {
        ValueFormat.Text => value.Text ?? "",
        _ when value.Number is null => "—",
        ValueFormat.Percent => RussianFormat.Value(value.Number, "%"),
        ValueFormat.Integer => value.Number.Value.ToString("#,0", RussianFormat.Culture),
        _ => value.Number.Value.ToString("#,0.0##", RussianFormat.Culture),
    };
}
