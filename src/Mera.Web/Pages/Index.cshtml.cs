using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Engine;
using Mera.Core.Features.Indicators;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mera.Web.Pages;

/// <summary>Read-only indicator table of an org unit and its children for a period (the web issue adds the real UI).</summary>
public sealed class IndexModel(MeraDb database, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Org { get; set; }
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }

    public List<OrgUnit> Orgs { get; private set; } = [];
    public IReadOnlyList<IndicatorResult> Rows { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await using var db = database.CreateContext();
        Orgs = await db.OrgUnits.AsNoTracking().Where(o => o.Type != OrgUnitType.School && o.Type != OrgUnitType.Branch)
            .OrderBy(o => o.Path).ToListAsync(ct);
        Org ??= Orgs.FirstOrDefault()?.Code;
        Period ??= Core.Domain.Period.Containing(DateOnly.FromDateTime(clock.GetLocalNow().DateTime), PeriodType.Quarter).Previous().Code;
        if (Org is null)
        {
            Error = "В базе нет организаций: загрузите реестр (./mera orgs import) или демонстрационные данные (./mera demo).";
            return;
        }
        if (!Core.Domain.Period.TryParse(Period, out _, out var periodError))
        {
            Error = periodError;
            return;
        }
        try
        {
            Rows = await ComputeIndicators.RunAsync(database, new ComputeIndicators.Query(Org, Period, Children: true), ct);
        }
        catch (NotFoundException ex)
        {
            Error = ex.Message;
        }
    }
}
