using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features;
using Mera.Core.Features.Submissions;
using Mera.Core.Features.Values;
using Mera.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mera.Web.Pages.Submissions;

/// <summary>Data entry for one form and period: inline errors, warnings that ask for a comment, draft or submit.</summary>
[RequestSizeLimit(Core.Reading.ImportLimits.MaxArchiveEntryBytes)]
public sealed class FormEntryModel(MeraDb database, CurrentUser current, UploadStore uploads, TimeProvider clock) : PageModel
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
                Submit: action == "submit", scope.Login, Writer.For(scope, WriteChannel.Entry)), clock, ct);
        }
        catch (OperationRefusedException ex)
        {
            Message = Errors.Describe(ex);
            return Page();
        }
        if (Outcome.Saved)
        {
            TempData["Message"] = action == "submit" ? "Форма отправлена в отдел образования." : $"Черновик сохранён (изменено значений: {Outcome.Changed}).";
            return Redirect($"/forms/{Form}/{Period}?org={school.Code}");
        }
        return Page();
    }

    /// <summary>The Mera template of this form, period and school, for filling offline.</summary>
    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken ct)
    {
        var school = await LoadAsync(ct);
        var path = Path.Combine(Directory.CreateTempSubdirectory("mera-template-").FullName, "template.xlsx");
        await Core.Features.Templates.MakeTemplates.RunAsync(database, new Core.Features.Templates.MakeTemplates.Command(Form, Period, school.Code, path), ct);
        var bytes = await System.IO.File.ReadAllBytesAsync(path, ct);
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Core.Features.Templates.MakeTemplates.FileName(Entry.Form, Entry.Period, school));
    }

    /// <summary>The filled template back: it must be this school's, form's and period's; values go through the same rules.</summary>
    public async Task<IActionResult> OnPostTemplateAsync(IFormFile? file, CancellationToken ct)
    {
        var school = await LoadAsync(ct);
        if (!CanEdit || file is null || file.Length == 0)
        {
            Message = file is null ? "Выберите заполненный файл шаблона." : "Форма недоступна для изменения.";
            return Page();
        }
        var scope = await current.ScopeAsync(ct);
        string token, path;
        try
        {
            (token, path) = await uploads.SaveAsync(file, scope.UserId, ct);
        }
        catch (OperationRefusedException quota)
        {
            Message = quota.Message;
            return Page();
        }
        // A school reads elements by name, never by code, in what the template's check says.
        var nameOf = await Core.Features.Catalog.CatalogNames.ShortenedAsync(database, ct: ct);
        try
        {
            var saved = await Core.Features.Imports.ImportTemplateFile.RunAsync(database, new Core.Features.Imports.ImportTemplateFile.Command(
                path, Path.GetFileName(file.FileName), scope.Login, school.Code, Period, Form, DryRun: false,
                Writer.For(scope, WriteChannel.Entry)), clock, ct);
            TempData["Message"] = $"Шаблон загружен: записано значений {saved.ValuesWritten}." +
                (saved.Warnings.Count > 0 ? " Предупреждения: " + string.Join("; ", saved.Warnings.Select(w => w.TextWith(nameOf))) : "") +
                " Проверьте значения и отправьте форму.";
            return Redirect($"/forms/{Form}/{Period}?org={school.Code}");
        }
        catch (Core.Reading.ImportRefusedException refused)
        {
            Message = "Файл не принят: " + string.Join("; ", refused.Issues.Select(i => i.Describe(nameOf)));
            return Page();
        }
        finally
        {
            await uploads.DeleteAsync(token, scope.UserId, CancellationToken.None);
        }
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
        catch (Exception ex) when (Errors.IsForUser(ex))
        {
            throw new NotVisibleException();
        }
        var scope = await current.ScopeAsync(ct);
        CanEdit = scope.EntersDataFor(school) && Entry.Submission?.State is not (SubmissionState.Submitted or SubmissionState.Accepted);
        Message ??= TempData["Message"] as string;
        return school;
    }
}
