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
    [BindProperty] public string? Value { get; set; }
    [BindProperty] public string? BaseValue { get; set; }
    [BindProperty] public bool EachSchool { get; set; }
    [BindProperty] public bool Confirmed { get; set; }

    public OrgUnit Unit { get; private set; } = null!;
    public IReadOnlyList<Indicator> Indicators { get; private set; } = [];
    public Dictionary<(string Indicator, int Year), Target> Plans { get; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<IndicatorResult> Lagging { get; private set; } = [];
    public Core.Domain.Period Current { get; private set; }
    public bool CanSetOwn { get; private set; }
    public bool CanSetSchools { get; private set; }
    public string? Message { get; private set; }

    /// <summary>A rule for every school waits for a second «Подтвердить» that names how many schools it changes.</summary>
    public string? Confirmation { get; private set; }

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
            var value = Number(Value, "план") ?? throw new ArgumentException("укажите плановое значение");
            var command = new SetTargets.Command(Unit.Code, Indicator ?? "", Year!.Value, value, EachSchool, Number(BaseValue, "базовое значение"),
                User: scope.Login, DryRun: EachSchool && !Confirmed);
            var r = await SetTargets.RunAsync(database, command, clock, ct);
            if (command.DryRun)
            {
                var indicator = Indicators.FirstOrDefault(i => i.Code == command.IndicatorCode);
                Confirmation = $"План {Core.Formatting.RussianFormat.Value(value, indicator?.Unit ?? "")} на {command.Year} год по показателю «{indicator?.Name}» "
                    + $"будет установлен каждой школе — это {Core.Formatting.RussianFormat.Count(r.Organisations, "школа", "школы", "школ")}: "
                    + $"новых планов {r.Added}, изменённых {r.Updated}, без изменений {r.Unchanged}. Установить?";
                return Page();
            }
            TempData["Message"] = $"Плановые значения: добавлено {r.Added}, изменено {r.Updated}, без изменений {r.Unchanged}.";
        }
        catch (Exception ex) when (Errors.IsForUser(ex))
        {
            // The typed values stay in the form so the official corrects them rather than types them again.
            Message = Core.Formatting.RussianFormat.Sentence(Errors.Describe(ex));
            return Page();
        }
        return Redirect($"/targets?org={Unit.Code}&year={Year}");
    }

    /// <summary>«85», «85,5» or «85,5 %»; anything else is said, not ignored.</summary>
    private static double? Number(string? text, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        return Core.Reading.CellParsing.TryNumber(text.Trim().TrimEnd('%'), out var value) ? value
            : throw new ArgumentException($"{what}: «{text.Trim()}» не является числом");
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
