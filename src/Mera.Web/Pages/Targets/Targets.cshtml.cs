using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Engine;
using Mera.Core.Features;
using Mera.Core.Features.Indicators;
using Mera.Core.Features.Targets;
using Mera.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mera.Web.Pages.Targets;

/// <summary>
/// Targets of an org by indicator and year (with base values), the form to set one or a rule for every school,
/// and the lagging children for a period: those «не исполнен» or «под риском» against their own targets.
/// </summary>
public sealed class TargetsModel(MeraDb database, CurrentUser current, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Org { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty] public string? Indicator { get; set; }
    [BindProperty] public double? Value { get; set; }
    [BindProperty] public double? BaseValue { get; set; }
    [BindProperty] public bool EachSchool { get; set; }

    public OrgUnit Unit { get; private set; } = null!;
    public IReadOnlyList<Indicator> Indicators { get; private set; } = [];
    public Dictionary<(string Indicator, int Year), Target> Plans { get; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<IndicatorResult> Lagging { get; private set; } = [];
    public Core.Domain.Period Current { get; private set; }
    public bool CanSetOwn { get; private set; }
    public bool CanSetSchools { get; private set; }
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (EachSchool ? !CanSetSchools : !CanSetOwn)
        {
            throw new ForbiddenException("нет прав устанавливать эти плановые значения");
        }
        var scope = await current.ScopeAsync(ct);
        try
        {
            var r = await SetTargets.RunAsync(database, new SetTargets.Command(Unit.Code, Indicator ?? "", Year!.Value, Value ?? throw new ArgumentException("укажите значение"),
                EachSchool, BaseValue, User: scope.Login), clock, ct);
            TempData["Message"] = $"Плановые значения: добавлено {r.Added}, изменено {r.Updated}, без изменений {r.Unchanged}.";
        }
        catch (Exception ex) when (Errors.IsForUser(ex))
        {
            TempData["Message"] = Errors.Describe(ex);
        }
        return Redirect($"/targets?org={Unit.Code}&year={Year}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Unit = await current.OrgAsync(Org, ct);
        var scope = await current.ScopeAsync(ct);
        var today = clock.Today();
        Year ??= today.Year;
        Years = [Year.Value - 1, Year.Value, Year.Value + 1];
        // Who may plan for whom is Core's rule (the region for municipalities, the municipality for its schools).
        var targets = await ListTargets.RunAsync(database, scope, Unit, Years, ct);
        (Indicators, CanSetOwn, CanSetSchools) = (targets.Indicators, targets.MaySetOwn, targets.MaySetSchools);
        foreach (var (key, target) in targets.Plans)
        {
            Plans[key] = target;
        }
        Current = PeriodInput.Resolve(Period, Core.Domain.Period.Containing(today, PeriodType.Quarter).Previous(), out var periodError);
        if (periodError is not null)
        {
            Message ??= Core.Formatting.RussianFormat.Sentence(periodError);
        }
        if (!Unit.IsReportingUnit)
        {
            var rows = await ComputeIndicators.RunAsync(database, new ComputeIndicators.Query(Unit.Code, Current.Code, Children: true, AsOf: today), ct);
            Lagging = rows.Where(r => r.Org != Unit.Code && PlanFact.IsLagging(r.Status)).OrderBy(r => r.Name).ThenBy(r => r.Value).ToList();
        }
        Message = TempData["Message"] as string ?? Message;
    }
}
