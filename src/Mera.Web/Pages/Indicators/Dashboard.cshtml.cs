using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Engine;
using Mera.Core.Features.Indicators;
using Mera.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mera.Web.Pages.Indicators;

/// <summary>
/// The dashboard of an org unit for a period: a card per indicator (value, numerator/denominator, completeness,
/// trend), the children (schools of a municipality, municipalities of a region) for the chosen indicator, charts.
/// </summary>
public sealed class DashboardModel(ReadTarget read, CurrentUser current, TimeProvider clock) : PageModel
{
    /// <summary>A standby when one is usable and has the reader's own writes (ADR 0027).</summary>
    private MeraDb database => read.Database;

    private const int TrendLength = 6;

    [BindProperty(SupportsGet = true)] public string? Org { get; set; }
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty(SupportsGet = true)] public string? Indicator { get; set; }

    public OrgUnit Unit { get; private set; } = null!;
    public Period Current { get; private set; }
    public IReadOnlyList<OrgUnit> Trail { get; private set; } = [];
    public IReadOnlyList<IndicatorResult> Own { get; private set; } = [];
    public IReadOnlyList<IndicatorResult> Children { get; private set; } = [];
    public IndicatorResult? Selected { get; private set; }
    public IReadOnlyDictionary<string, List<(string Period, double? Value)>> Trends { get; private set; } = new Dictionary<string, List<(string Period, double? Value)>>();
    public string? Error { get; private set; }

    /// <summary>Names of catalog codes: the formula under the table is shown in words.</summary>
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Unit = await current.OrgAsync(Org, ct);
        var scope = await current.ScopeAsync(ct);
        var today = clock.Today();
        // A period typed in words is read; one that cannot be read is said, and the last complete quarter shown.
        Current = PeriodInput.Resolve(Period, Core.Domain.Period.Containing(today, PeriodType.Quarter).Previous(), out var periodError);
        Error = periodError is null ? null : Core.Formatting.RussianFormat.Sentence(periodError);
        Trail = await TrailAsync(scope.OrgPath, ct);
        var dashboard = await ComputeDashboard.RunAsync(database, new ComputeDashboard.Query(Unit.Code, Current, today, TrendLength), ct);
        var rows = dashboard.Rows;
        Own = rows.Where(r => r.Org == Unit.Code).ToList();
        Selected = Own.FirstOrDefault(r => r.Indicator == Indicator) ?? Own.FirstOrDefault();
        Children = rows.Where(r => r.Org != Unit.Code && r.Indicator == Selected?.Indicator)
            .OrderByDescending(r => r.Value ?? double.MinValue).ToList();
        Trends = dashboard.Trends;
        Names = await Core.Features.Catalog.CatalogNames.RunAsync(database, ct);
    }

    /// <summary>The unit's ancestors down from the user's own unit, for the breadcrumb.</summary>
    private async Task<IReadOnlyList<OrgUnit>> TrailAsync(string scopePath, CancellationToken ct)
    {
        return await Core.Features.Orgs.ListOrgs.TrailAsync(database, Unit, scopePath, ct);
    }
}
