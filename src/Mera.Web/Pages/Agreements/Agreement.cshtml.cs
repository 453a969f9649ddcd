using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Agreements;
using Mera.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mera.Web.Pages.Agreements;

/// <summary>The agreement with the region: Annex 1 by project and year, plan against fact where a row is linked to an indicator.</summary>
public sealed class AgreementModel(MeraDb database, CurrentUser current, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Org { get; set; }
    [BindProperty(SupportsGet = true)] public string? Number { get; set; }

    public OrgUnit Unit { get; private set; } = null!;
    public IReadOnlyList<string> Numbers { get; private set; } = [];
    public ShowAgreement.Result? Agreement { get; private set; }

    /// <summary>The quarter being reported now: the agreement report is due by the 25th of its last month.</summary>
    public Period Quarter { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Unit = await current.OrgAsync(Org, ct);
        Quarter = Period.LastComplete(PeriodType.Quarter, clock.Today());
        Numbers = await ShowAgreement.NumbersAsync(database, Unit.Id, ct);
        var number = Numbers.FirstOrDefault(n => n == Number) ?? Numbers.FirstOrDefault();
        if (number is not null)
        {
            Agreement = await ShowAgreement.RunAsync(database, Unit.Code, number, clock.Today(), ct);
        }
    }
}
