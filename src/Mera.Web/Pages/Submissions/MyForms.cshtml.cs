using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Submissions;
using Mera.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mera.Web.Pages.Submissions;

/// <summary>«Мои формы»: what the school must send now, what is overdue, what came back for correction.</summary>
public sealed class MyFormsModel(MeraDb database, CurrentUser current, TimeProvider clock) : PageModel
{
    public OrgUnit Unit { get; private set; } = null!;
    public IReadOnlyList<ListSchoolForms.Item> Items { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(string? org, CancellationToken ct)
    {
        Unit = await current.OrgAsync(org, ct);
        if (!Unit.IsReportingUnit)
        {
            throw new NotVisibleException();
        }
        Today = clock.Today();
        Items = await ListSchoolForms.RunAsync(database, Unit, Today, ct);
    }
}
