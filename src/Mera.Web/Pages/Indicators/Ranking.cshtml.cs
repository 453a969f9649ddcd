using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Engine;
using Mera.Core.Features.Indicators;
using Mera.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mera.Web.Pages.Indicators;

/// <summary>The region's view: municipalities side by side with points per indicator, a total and completeness.</summary>
public sealed class RankingModel(ReadTarget read, CurrentUser current, TimeProvider clock) : PageModel
{
    /// <summary>A standby when one is usable and has the reader's own writes (ADR 0027).</summary>
    private MeraDb database => read.Database;

    [BindProperty(SupportsGet = true)] public string? Org { get; set; }
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty(SupportsGet = true)] public string? Group { get; set; }

    public OrgUnit Unit { get; private set; } = null!;
    public Core.Domain.Period Current { get; private set; }

    /// <summary>A typed period that could not be read (the default period is shown instead).</summary>
    public string? PeriodError { get; private set; }
    public RankChildren.Result Result { get; private set; } = null!;
    public IReadOnlyList<string> Groups { get; private set; } = [];
    public IReadOnlyList<IndicatorResult> Shown { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Unit = await current.OrgAsync(Org, ct);
        if (Unit.IsReportingUnit)
        {
            throw new NotVisibleException();
        }
        var today = clock.Today();
        Current = PeriodInput.Resolve(Period, Core.Domain.Period.Containing(today, PeriodType.Quarter).Previous(), out var periodError);
        PeriodError = periodError is null ? null : Core.Formatting.RussianFormat.Sentence(periodError);
        Result = await RankChildren.RunAsync(database, Unit.Code, Current.Code, ct);
        var groups = await IndicatorGroups.LoadAsync(database, ct);
        Groups = groups.Values.Distinct().ToList();
        Shown = Result.Indicators.Where(i => Group is null || groups.GetValueOrDefault(i.Indicator) == Group).ToList();
    }
}
