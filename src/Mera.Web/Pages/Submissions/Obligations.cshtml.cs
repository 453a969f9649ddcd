using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features;
using Mera.Core.Features.Submissions;
using Mera.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mera.Web.Pages.Submissions;

/// <summary>
/// «Сроки»: what municipalities owe the region — the summary and the agreement report they send, the platform exports
/// they load — with due dates, days left and state. A municipality sees and sends its own; the region sees every
/// municipality on one screen, accepts or returns in bulk, downloads what was sent and sees what changed since.
/// </summary>
public sealed class ObligationsModel(MeraDb database, CurrentUser current, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Org { get; set; }
    [BindProperty] public List<string> Selected { get; set; } = [];
    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public bool Confirmed { get; set; }

    public sealed record Line(ListObligations.Row Row, int? Changed, bool MaySubmit, bool MayDecide);

    public OrgUnit Unit { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public IReadOnlyList<IGrouping<OrgUnit, Line>> Groups { get; private set; } = [];
    public bool Reviews { get; private set; }
    public List<string> Messages { get; } = [];

    /// <summary>Why the decision was not taken (nothing ticked, a return without a comment), or the question before a return.</summary>
    public string? Error { get; private set; }
    public string? Confirmation { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostSubmitAsync(string form, string period, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        await LoadAsync(ct);
        var line = Groups.SelectMany(g => g).FirstOrDefault(l => l.MaySubmit && l.Row.Form.Code == form && l.Row.Period.Code == period)
            ?? throw new ForbiddenException("отчёт недоступен для отправки");
        try
        {
            await SubmitForm.RunAsync(database, new SubmitForm.Command(line.Row.Org.Code, form, period, scope.Login), clock, ct);
            TempData["Message"] = $"«{line.Row.Form.Name}» за {line.Row.Period.DisplayRu} отправлена в министерство; отправленные числа и файл сохранены.";
        }
        catch (OperationRefusedException ex)
        {
            TempData["Message"] = Errors.Describe(ex);
        }
        return Redirect($"/obligations?org={Unit.Code}");
    }

    public async Task<IActionResult> OnPostDecideAsync(string action, CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        await LoadAsync(ct);
        var shown = Groups.SelectMany(g => g).Where(l => l.MayDecide && l.Row.Submission is not null)
            .ToDictionary(l => l.Row.Submission!.Id, l => l.Row.Org.Name);
        try
        {
            var answer = await ReviewSelected.AskOrRunAsync(database,
                new ReviewSelected.Request(Selected, shown, action, Confirmed, scope.Login, Comment, "муниципалитеты"), clock, ct);
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
        return Redirect($"/obligations?org={Unit.Code}");
    }

    /// <summary>The report file exactly as the municipality sent it.</summary>
    public async Task<IActionResult> OnGetSnapshotAsync(string org, string form, string period, CancellationToken ct)
    {
        var unit = await current.OrgAsync(org, ct);
        CompareSnapshot.Result result;
        try
        {
            result = await CompareSnapshot.RunAsync(database, unit.Code, form, period, clock.Today(), ct);
        }
        catch (Exception ex) when (Errors.IsForUser(ex))
        {
            return NotFound(); // nothing was sent for it
        }
        return result.Snapshot.File is { } file
            ? File(file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", result.Snapshot.FileName)
            : NotFound();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Unit = await current.OrgAsync(Org, ct);
        var scope = await current.ScopeAsync(ct);
        if (scope.Role == Roles.School)
        {
            throw new ForbiddenException("сроки муниципалитетов — для отдела образования и министерства");
        }
        Today = clock.Today();
        var rows = (await ListObligations.RunAsync(database, new ListObligations.Query(Unit.Code, null, null, Today), ct))
            .Where(r => r.Form.Supplier == "municipality")
            // An earlier period's platform export drops off once every school's data are in; reports to the region stay.
            .Where(r => r.Period == Period.Containing(Today, r.Form.PeriodType) || !(r.State == "submitted" && r.Expected is not null))
            .ToList();
        var lines = new List<Line>();
        foreach (var r in rows)
        {
            int? changed = null;
            if (Obligations.GoesToRegion(r.Form) && r.Submission is { State: SubmissionState.Submitted or SubmissionState.Accepted })
            {
                try
                {
                    changed = (await CompareSnapshot.RunAsync(database, r.Org.Code, r.Form.Code, r.Period.Code, Today, ct)).Differences.Count;
                }
                catch (OperationRefusedException)
                {
                    // sent before snapshots were kept
                }
            }
            lines.Add(new Line(r, changed, Obligations.MaySubmit(scope, r.Org, r.Form) && r.State is "missing" or "draft" or "returned",
                Obligations.MayDecide(scope, r.Org, r.Form)));
        }
        Groups = lines.GroupBy(l => l.Row.Org).ToList();
        Reviews = lines.Any(l => l.MayDecide);
        if (TempData["Message"] is string message)
        {
            Messages.Add(message);
        }
    }
}
