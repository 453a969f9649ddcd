using System.Text;
using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Audit;
using Mera.Core.Formatting;
using Mera.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mera.Web.Pages.Audit;

/// <summary>The change journal of the user's subtree (admin, region, municipality): filters and a CSV export.</summary>
public sealed class AuditModel(MeraDb database, CurrentUser current, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Org { get; set; }
    [BindProperty(SupportsGet = true)] public string? Since { get; set; }
    [BindProperty(SupportsGet = true)] public string? Until { get; set; }
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }

    public OrgUnit Unit { get; private set; } = null!;
    public DateOnly From { get; private set; }
    public DateOnly? To { get; private set; }
    public IReadOnlyList<ListAudit.Row> Rows { get; private set; } = [];

    /// <summary>Names of catalog codes: the journal names elements and indicators, not their codes.</summary>
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    private static readonly Dictionary<string, string> Entities = new()
    {
        ["submission"] = "отчёт №", ["target"] = "план", ["roadmap_item"] = "мероприятие №", ["roadmap"] = "дорожная карта",
        ["decision"] = "решение", ["decision_item"] = "пункт решения №", ["agreement"] = "соглашение", ["user"] = "пользователь",
        ["indicator"] = "показатель", ["element"] = "подпоказатель", ["form"] = "форма", ["import"] = "загрузка №", ["orgs"] = "реестр",
    };

    /// <summary>What an entry is about, in words: «Численность обучающихся…, 3 квартал 2026 г.», «отчёт № 512».</summary>
    public string ObjectText(ListAudit.Row row)
    {
        var parts = row.Object.Split(' ', 2, StringSplitOptions.TrimEntries);
        var (what, id) = (parts[0], parts.Length > 1 ? parts[1] : "");
        if (row.Action.StartsWith("value.", StringComparison.Ordinal))
        {
            return $"{Names.GetValueOrDefault(what, what)}, {Words(id)}";
        }
        return Entities.TryGetValue(what, out var entity) ? $"{entity} {Words(id)}".Trim() : Words(row.Object);
    }

    /// <summary>Codes of the catalog and of periods in an entry's text, in words.</summary>
    public string Words(string? text) => PeriodCodes.Replace(CodeNames.Replace(text ?? "", Names),
        m => Core.Domain.Period.TryParse(m.Value, out var period, out _) ? period.DisplayRu : m.Value);

    private static readonly System.Text.RegularExpressions.Regex PeriodCodes = new(@"\b20\d\d(?:Q[1-4]|-W\d\d)\b");

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(500, ct);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        await LoadAsync(100_000, ct);
        var csv = new StringBuilder(string.Join(';', ListAudit.Columns) + "\n");
        foreach (var r in Rows)
        {
            csv.AppendLine(string.Join(';', r.ToCells().Select(SpreadsheetText.CsvField)));
        }
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8",
            $"audit-{Unit.Code}-{From:yyyy-MM-dd}.csv");
    }

    private async Task LoadAsync(int limit, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        if (scope.Role is not (Roles.Admin or Roles.Region or Roles.Municipality))
        {
            throw new ForbiddenException("журнал изменений доступен администратору, министерству и отделу образования");
        }
        Unit = await current.OrgAsync(Org, ct);
        From = clock.Today().AddDays(-7);
        if (DateOnly.TryParse(Since, System.Globalization.CultureInfo.GetCultureInfo("ru-RU"), out var since))
        {
            From = since;
        }
        To = DateOnly.TryParse(Until, System.Globalization.CultureInfo.GetCultureInfo("ru-RU"), out var until) ? until : null;
        // The action filter runs in the query, before the limit: a rare action is found even in a busy week.
        Rows = await ListAudit.RunAsync(database, new ListAudit.Query(Unit.Code, From, To, limit, Action), ct);
        Names = await Core.Features.Catalog.CatalogNames.RunAsync(database, ct);
    }
}
