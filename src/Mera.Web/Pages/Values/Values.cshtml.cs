using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Indicators;
using Mera.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mera.Web.Pages.Values;

/// <summary>The element values behind a school's indicator, each with its source and history.</summary>
public sealed class ValuesModel(MeraDb database, CurrentUser current) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Org { get; set; }
    [BindProperty(SupportsGet = true)] public string Period { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string Indicator { get; set; } = "";

    public OrgUnit School { get; private set; } = null!;
    public Core.Domain.Period Current { get; private set; }
    public ExplainIndicator.Result Explanation { get; private set; } = null!;

    /// <summary>Names of catalog codes: the formula is shown in words.</summary>
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        School = await current.OrgAsync(Org, ct);
        if (!School.IsReportingUnit || !Core.Domain.Period.TryParse(Period, out var p, out _))
        {
            throw new NotVisibleException();
        }
        Current = p;
        try
        {
            Explanation = await ExplainIndicator.RunAsync(database, School, Indicator, Period, ct);
            Names = await Core.Features.Catalog.CatalogNames.RunAsync(database, ct);
        }
        catch (NotFoundException)
        {
            throw new NotVisibleException();
        }
    }
}
