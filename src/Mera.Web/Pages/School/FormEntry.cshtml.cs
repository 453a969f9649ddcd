using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features;
using Mera.Core.Features.Submissions;
using Mera.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mera.Web.Pages.School;

/// <summary>Data entry for one form and period: inline errors, warnings that ask for a comment, draft or submit.</summary>
public sealed class FormEntryModel(MeraDb database, CurrentUser current, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Form { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string Period { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? Org { get; set; }
    [BindProperty] public Dictionary<string, string?> Values { get; set; } = [];
    [BindProperty] public string? Comment { get; set; }

    public LoadFormEntry.Result Entry { get; private set; } = null!;
    public SaveFormValues.Result? Outcome { get; private set; }
    public string? Message { get; private set; }
    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(string action, CancellationToken ct)
    {
        var school = await LoadAsync(ct);
        if (!CanEdit)
        {
            throw new ForbiddenException("форма недоступна для изменения");
        }
        var scope = await current.ScopeAsync(ct);
        try
        {
            Outcome = await SaveFormValues.RunAsync(database, new SaveFormValues.Command(school, Form, Period, Values, Comment,
                Submit: action == "submit", scope.Login), clock, ct);
        }
        catch (OperationRefusedException ex)
        {
            Message = ex.Message;
            return Page();
        }
        if (Outcome.Saved)
        {
            TempData["Message"] = action == "submit" ? "Форма отправлена в отдел образования." : $"Черновик сохранён (изменено значений: {Outcome.Changed}).";
            return Redirect($"/forms/{Form}/{Period}?org={school.Code}");
        }
        return Page();
    }

    private async Task<OrgUnit> LoadAsync(CancellationToken ct)
    {
        var school = await current.OrgAsync(Org, ct);
        if (!school.IsReportingUnit)
        {
            throw new NotVisibleException();
        }
        try
        {
            Entry = await LoadFormEntry.RunAsync(database, school, Form, Period, ct);
        }
        catch (Exception ex) when (ex is Core.Features.Indicators.NotFoundException or FormatException)
        {
            throw new NotVisibleException();
        }
        var scope = await current.ScopeAsync(ct);
        CanEdit = scope.EntersDataFor(school) && Entry.Submission?.State is not (SubmissionState.Submitted or SubmissionState.Accepted);
        Message ??= TempData["Message"] as string;
        return school;
    }
}
