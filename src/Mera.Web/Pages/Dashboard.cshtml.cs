using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Engine;
using Mera.Core.Features.Indicators;
using Mera.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mera.Web.Pages;

/// <summary>
/// The dashboard of an org unit for a period: a card per indicator (value, numerator/denominator, completeness,
/// trend), the children (schools of a municipality, municipalities of a region) for the chosen indicator, charts.
/// </summary>
public sealed class DashboardModel(MeraDb database, CurrentUser current, TimeProvider clock) : PageModel
{
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
    public Dictionary<string, List<(string Period, double? Value)>> Trends { get; } = [];
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Unit = await current.OrgAsync(Org, ct);
        var scope = await current.ScopeAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        Current = Core.Domain.Period.TryParse(Period ?? "", out var p, out _) ? p
            : Core.Domain.Period.Containing(today, PeriodType.Quarter).Previous();
        Trail = await TrailAsync(scope.OrgPath, ct);
        var rows = await ComputeIndicators.RunAsync(database, new ComputeIndicators.Query(Unit.Code, Current.Code, Children: true), ct);
        Own = rows.Where(r => r.Org == Unit.Code).ToList();
        Selected = Own.FirstOrDefault(r => r.Indicator == Indicator) ?? Own.FirstOrDefault();
        Children = rows.Where(r => r.Org != Unit.Code && r.Indicator == Selected?.Indicator)
            .OrderByDescending(r => r.Value ?? double.MinValue).ToList();
        var history = Current;
        var periods = new List<Period>();
        for (var i = 0; i < TrendLength; i++, history = history.Previous())
        {
            periods.Insert(0, history);
        }
        foreach (var period in periods)
        {
            var values = period == Current ? Own
                : await ComputeIndicators.RunAsync(database, new ComputeIndicators.Query(Unit.Code, period.Code, AssessTargets: false), ct);
            foreach (var r in values)
            {
                (Trends.TryGetValue(r.Indicator, out var list) ? list : Trends[r.Indicator] = []).Add((period.Code, r.Value));
            }
        }
    }

    /// <summary>The unit's ancestors down from the user's own unit, for the breadcrumb.</summary>
    private async Task<IReadOnlyList<OrgUnit>> TrailAsync(string scopePath, CancellationToken ct)
    {
        var ids = Unit.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
        await using var db = database.CreateContext();
        var units = await db.OrgUnits.AsNoTracking().Where(o => ids.Contains(o.Id)).ToListAsync(ct);
        return units.Where(u => u.Path.StartsWith(scopePath, StringComparison.Ordinal)).OrderBy(u => u.Path.Length).ToList();
    }
}
