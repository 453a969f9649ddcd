using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features;
using Mera.Core.Features.Imports;
using Mera.Core.Features.Values;
using Mera.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mera.Web.Pages.Imports;

/// <summary>
/// Imports for a municipality: upload a platform export or templates, see the dry run (matched, skipped, refused
/// with reasons, what will change), confirm; the journal of batches with undo.
/// </summary>
[RequestSizeLimit(Core.Reading.ImportLimits.MaxFileBytes)]
public sealed class ImportsModel(MeraDb database, CurrentUser current, UploadStore uploads, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Org { get; set; }
    [BindProperty] public string Kind { get; set; } = "educont";
    [BindProperty] public string? Period { get; set; }
    [BindProperty] public bool SkipUnmatched { get; set; }
    [BindProperty] public string? Token { get; set; }
    [BindProperty] public string? FileName { get; set; }

    public OrgUnit Unit { get; private set; } = null!;
    public IReadOnlyList<ListImports.Item> Batches { get; private set; } = [];

    /// <summary>How the preview names an element a rule compared: by name, not by code.</summary>
    public Func<string, string> NameOf { get; private set; } = code => code;
    public IReadOnlyList<RunImport.FileOutcome>? Preview { get; private set; }
    public Dictionary<string, IReadOnlyList<string>> Changes { get; } = [];
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? file, CancellationToken ct)
    {
        var scope = await LoadAsync(ct);
        if (file is null || file.Length == 0)
        {
            Message = "Выберите файл.";
            return Page();
        }
        if (!string.IsNullOrWhiteSpace(Period))
        {
            // Typed in words («3 квартал 2026») or as a code; what cannot be read stops here, before the file is kept.
            if (!PeriodInput.TryParse(Period, out var typed, out var periodError))
            {
                Message = Core.Formatting.RussianFormat.Sentence(periodError!);
                return Page();
            }
            Period = typed.Code;
        }
        string path;
        try
        {
            (Token, path) = await uploads.SaveAsync(file, scope.UserId, ct);
        }
        catch (Core.OperationRefusedException quota)
        {
            Message = quota.Message;
            return Page();
        }
        FileName = Path.GetFileName(file.FileName);
        Preview = await RunAsync(path, scope, dryRun: true, ct);
        if (Preview.All(o => o.Refused))
        {
            await uploads.DeleteAsync(Token, scope.UserId, ct); // nothing to confirm: the file does not wait for a day
            Token = null;
        }
        else
        {
            await uploads.RememberAsync(Token, scope.UserId, new UploadStore.Previewed(Kind, Period, Unit.Code, SkipUnmatched, FileName,
                Core.Reading.ContentHash.Sha256Of(path)), ct);
        }
        NameOf = await Core.Features.Catalog.CatalogNames.ShortenedAsync(database, ct: ct);
        foreach (var outcome in Preview.Where(o => o.Saved is not null))
        {
            Changes[outcome.File] = await DescribeChanges.RunAsync(database, outcome.Saved!.Changes, 30, ct, DescribeChanges.Wording.Names);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        var scope = await LoadAsync(ct);
        var path = Token is null ? null : await uploads.FindAsync(Token, scope.UserId, ct);
        var previewed = path is null ? null : await uploads.RecallAsync(Token!, scope.UserId, ct);
        if (path is null || previewed is null)
        {
            Message = "Файл для загрузки не найден (возможно, прошло больше суток): загрузите его заново.";
            return Page();
        }
        // What was checked is what is loaded: the kind, period, organisation and name come from the preview, not from
        // the confirming form's hidden fields, which anyone can edit.
        (Kind, Period, SkipUnmatched, FileName) = (previewed.Kind, previewed.Period, previewed.SkipUnmatched, previewed.FileName);
        Unit = await current.OrgAsync(previewed.OrgCode, ct);
        var outcomes = await RunAsync(path, scope, dryRun: false, ct);
        await uploads.DeleteAsync(Token!, scope.UserId, ct);
        var accepted = outcomes.Where(o => !o.Refused).ToList();
        TempData["Message"] = $"Загружено файлов: {accepted.Count} из {outcomes.Count}; записано значений: {accepted.Sum(o => o.Saved!.ValuesWritten)}.";
        return Redirect($"/imports?org={Unit.Code}");
    }

    /// <summary>The batch whose undo waits for a second «Отменить загрузку» (undo is asked, never done in one click).</summary>
    public ListImports.Item? UndoAsked { get; private set; }

    public async Task<IActionResult> OnPostUndoAsync(long id, bool confirmed, CancellationToken ct)
    {
        var scope = await LoadAsync(ct);
        var batch = Batches.FirstOrDefault(b => b.Id == id)
            ?? throw new NotVisibleException(); // a batch of another subtree is not there for this user
        if (!confirmed)
        {
            UndoAsked = batch;
            return Page();
        }
        try
        {
            var result = await UndoImport.RunAsync(database, new UndoImport.Command(id, scope.Login), clock, ct);
            TempData["Message"] = $"Загрузка № {id} отменена: восстановлено значений {result.Restored}, удалено {result.Removed}.";
        }
        catch (OperationRefusedException ex)
        {
            TempData["Message"] = Errors.Describe(ex);
        }
        return Redirect($"/imports?org={Unit.Code}");
    }

    private Task<IReadOnlyList<RunImport.FileOutcome>> RunAsync(string path, Core.Features.Access.AccessScope scope, bool dryRun, CancellationToken ct)
    {
        if (ImportKinds.Values.All(k => k.Code != Kind))
        {
            throw new ForbiddenException("неизвестный вид загрузки");
        }
        return RunImportSafely(new RunImport.Command(Kind, path, scope.Login, string.IsNullOrWhiteSpace(Period) ? null : Period.Trim(),
            Unit.Code, dryRun, SkipUnmatched, FileName, Writer: Core.Features.Values.Writer.For(scope, Core.Features.Values.WriteChannel.Import)), ct);
    }

    private async Task<IReadOnlyList<RunImport.FileOutcome>> RunImportSafely(RunImport.Command command, CancellationToken ct)
    {
        try
        {
            return await RunImport.RunAsync(database, command, clock, ct);
        }
        catch (Exception ex) when (Errors.IsForUser(ex))
        {
            return [new RunImport.FileOutcome(command.DisplayName ?? "файл", null,
                [new Core.Reading.ImportIssue(Core.Reading.IssueSeverity.Error, command.DisplayName ?? "файл", null, null, Errors.Describe(ex))])];
        }
    }

    private async Task<Core.Features.Access.AccessScope> LoadAsync(CancellationToken ct)
    {
        Unit = await current.OrgAsync(Org, ct);
        var scope = await current.ScopeAsync(ct);
        if (!scope.Imports(Unit))
        {
            throw new ForbiddenException("загрузка данных недоступна");
        }
        Batches = await ListImports.RunAsync(database, new ListImports.Query(Unit.Code, 100), ct);
        Message ??= TempData["Message"] as string;
        return scope;
    }
}
