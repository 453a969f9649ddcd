using Mera.Core;
using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features;
using Mera.Core.Features.Submissions;
using Mera.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mera.Web.Pages.Submissions;

/// <summary>The submission monitor: who sent a form on time, late or not at all; accept or return in bulk.</summary>
public sealed class MonitorModel(MeraDb database, CurrentUser current, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Org { get; set; }
    [BindProperty(SupportsGet = true)] public string? Form { get; set; }
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty] public List<string> Selected { get; set; } = [];
    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public bool Confirmed { get; set; }

    public OrgUnit Unit { get; private set; } = null!;
    public IReadOnlyList<Core.Domain.Form> Forms { get; private set; } = [];
    public ListSubmissions.Result Result { get; private set; } = null!;
    public ReportingOverview.Result Overview { get; private set; } = null!;
    public bool CanReview { get; private set; }

    /// <summary>Above a municipality, the schools are grouped under their municipality (its name by school id).</summary>
    public IReadOnlyDictionary<int, string>? MunicipalityOf { get; private set; }
    public List<string> Messages { get; } = [];
    public string? PeriodError { get; private set; }

    /// <summary>Why the decision was not taken (nothing ticked, a return without a comment), or the question before a return.</summary>
    public string? Error { get; private set; }
    public string? Confirmation { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(string action, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!CanReview)
        {
            throw new ForbiddenException("нет прав на приёмку отчётов");
        }
        var scope = await current.ScopeAsync(ct);
        var shown = Result.Rows.Where(r => r.Submission is not null).ToDictionary(r => r.Submission!.Id, r => r.School.Name);
        try
        {
            var answer = await ReviewSelected.AskOrRunAsync(database,
                new ReviewSelected.Request(Selected, shown, action, Confirmed, scope.Login, Comment, "школы"), clock, ct);
            if (answer.Question is not null)
            {
                Confirmation = answer.Question;
                return Page();
            }
            TempData["Message"] = answer.Done!.Message;
        }
        catch (OperationRefusedException refused)
        {
            // The ticks and the comment stay on the page: the official adds what is missing and presses again.
            Error = Core.Formatting.RussianFormat.Sentence(refused.Message);
            return Page();
        }
        return Redirect($"/monitor?org={Unit.Code}&form={Result.Form.Code}&period={Result.Period.Code}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Unit = await current.OrgAsync(Org, ct);
        var scope = await current.ScopeAsync(ct);
        if (scope.Role == Roles.School)
        {
            throw new ForbiddenException("монитор сдачи отчётности — для отдела образования");
        }
        CanReview = Roles.ReviewsSubmissions(scope.Role);
        Forms = await ListSubmissions.SchoolFormsAsync(database, ct);
        var form = Forms.FirstOrDefault(f => f.Code == Form) ?? Forms.First();
        var today = clock.Today();
        var due = ReportingOverview.DuePeriod(form, today);
        var period = PeriodInput.Resolve(Period, due, out var periodError);
        if (periodError is not null)
        {
            PeriodError = Core.Formatting.RussianFormat.Sentence(periodError) + $". Показан период {due.DisplayRu}";
        }
        if (period.Type != form.PeriodType)
        {
            period = due; // another form was chosen with the old form's period: its own due period is what is asked
        }
        Result = await ListSubmissions.RunAsync(database, Unit, form.Code, period.Code, today, ct);
        if (Unit.Type is OrgUnitType.Region or OrgUnitType.Country)
        {
            var municipalities = (await Core.Features.Orgs.ListOrgs.MunicipalitiesAsync(database, Unit, ct)).ToDictionary(o => o.Id, o => (o.Name, o.Path));
            MunicipalityOf = Result.Rows.ToDictionary(r => r.School.Id,
                r => municipalities.Values.FirstOrDefault(m => r.School.Path.StartsWith(m.Path, StringComparison.Ordinal)).Name ?? Unit.Name);
            Result = Result with { Rows = Result.Rows.OrderBy(r => MunicipalityOf[r.School.Id]).ThenBy(r => r.School.Name).ToList() };
        }
        Overview = await ReportingOverview.RunAsync(database, Unit, today, ct);
        if (TempData["Message"] is string message)
        {
            Messages.Add(message);
        }
    }

}
