namespace Mera.Web.Pages.Shared;

/// <summary>The «Отчёты» menu of a page: which report kinds, in which formats, for the org and period shown.</summary>
public sealed record ReportLinks(string Org, string Period, IReadOnlyList<ReportLinks.Item> Items, string? Form = null)
{
    public sealed record Item(string Kind, string Title, params string[] Formats);

    public string Url(string kind, string format) =>
        $"/reports/{kind}.{format}?org={Uri.EscapeDataString(Org)}&period={Uri.EscapeDataString(Period)}" +
        (Form is null ? "" : $"&form={Uri.EscapeDataString(Form)}");
}
