using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features;
using Mera.Core.Features.Catalog;
using Mera.Core.Features.Indicators;
using Mera.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mera.Web.Pages.Catalog;

/// <summary>«Методика»: the admin edits names, formula versions, deadlines and reminder days without a new release.</summary>
public sealed class CatalogModel(MeraDb database, CurrentUser current, TimeProvider clock) : PageModel
{
    public ListCatalog.Result Catalog { get; private set; } = new([], [], []);
    public string? Message { get; private set; }
    public bool IsError { get; private set; }

    /// <summary>The item just edited: its card is shown open, and a refused formula is offered again for correction.</summary>
    public string? Open { get; private set; }
    public (string? From, string? Numerator, string? Denominator) Draft { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostElementAsync(string code, string name, string? unit, CancellationToken ct) =>
        ActAsync($"#el-{code}", login => EditElement.RunAsync(database, new(code, name, unit ?? "", login), clock, ct),
            $"Подпоказатель {code} сохранён.", ct);

    public Task<IActionResult> OnPostIndicatorAsync(string code, string name, string groupName, CancellationToken ct) =>
        ActAsync($"#ind-{code}", login => EditIndicator.RunAsync(database, new(code, name, groupName, login), clock, ct),
            $"Показатель {code} сохранён.", ct);

    public Task<IActionResult> OnPostFormulaAsync(string code, string? from, string? numerator, string? denominator, CancellationToken ct)
    {
        (TempData["DraftFrom"], TempData["DraftNumerator"], TempData["DraftDenominator"]) = (from, numerator, denominator);
        return ActAsync($"#ind-{code}", async login =>
        {
            var date = ParseDate(from);
            var result = await SaveFormulaVersion.RunAsync(database, new(code, date, numerator ?? "", denominator, login), clock, ct);
            return result.Changed
                ? $"Формула показателя {code} с {date:dd.MM.yyyy} сохранена: периоды, оканчивающиеся с этой даты, считаются по ней."
                : "Формула не изменилась.";
        }, ct);
    }

    public Task<IActionResult> OnPostRemoveFormulaAsync(string code, string? from, CancellationToken ct) =>
        ActAsync($"#ind-{code}", async login =>
        {
            var date = ParseDate(from);
            await RemoveFormulaVersion.RunAsync(database, new(code, date, login), clock, ct);
            return $"Версия формулы показателя {code} с {date:dd.MM.yyyy} удалена.";
        }, ct);

    public Task<IActionResult> OnPostFormAsync(string code, string name, string deadlineRule, string? reminderDays, CancellationToken ct) =>
        ActAsync($"#form-{code}", login => EditForm.RunAsync(database, new(code, name, deadlineRule, reminderDays ?? "", login), clock, ct),
            $"Форма {code} сохранена.", ct);

    /// <summary>«Добавить подпоказатель»: the region's own element (issue 20), the same use case as `catalog element add`.</summary>
    public Task<IActionResult> OnPostAddElementAsync(string code, string name, string? unit, ElementValueType valueType, PeriodType periodType,
        TimeAggregation aggregation, string supplier, CancellationToken ct) =>
        ActAsync("#add-element", login => AddElement.RunAsync(database, new(code ?? "", name ?? "", unit ?? "", valueType, periodType, aggregation,
            supplier ?? "", login), clock, ct), $"Подпоказатель «{name}» добавлен.", ct);

    /// <summary>«Добавить показатель»: the region's own indicator with its first formula version.</summary>
    public Task<IActionResult> OnPostAddIndicatorAsync(string code, string name, IndicatorKind kind, string? unit, string? groupName, string? from,
        string? numerator, string? denominator, CancellationToken ct) =>
        ActAsync("#add-indicator", login => AddIndicator.RunAsync(database, new(code ?? "", name ?? "", kind,
            unit ?? (kind == IndicatorKind.Percent ? "%" : "чел."), groupName ?? "Показатели региона", ParseDate(from), numerator ?? "",
            kind == IndicatorKind.Percent ? denominator : null, login), clock, ct), $"Показатель «{name}» добавлен.", ct);

    /// <summary>«Добавить форму»: the region's own form of elements already in the catalog.</summary>
    public Task<IActionResult> OnPostAddFormAsync(string code, string name, PeriodType periodType, string deadlineRule, string[]? elements,
        string supplier, string receiver, string? reminderDays, CancellationToken ct) =>
        ActAsync("#add-form", login => AddForm.RunAsync(database, new(code ?? "", name ?? "", periodType, deadlineRule ?? "", elements ?? [],
            supplier ?? "", receiver ?? "", reminderDays, login), clock, ct), $"Форма «{name}» добавлена.", ct);

    private static DateOnly ParseDate(string? text) =>
        DateOnly.TryParseExact(text, ["dd.MM.yyyy", "yyyy-MM-dd"], System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var date)
            ? date : throw new OperationRefusedException($"«{text}» — не дата (ожидается ДД.ММ.ГГГГ)");

    private Task<IActionResult> ActAsync(string anchor, Func<string, Task> action, string done, CancellationToken ct) =>
        ActAsync(anchor, async login =>
        {
            await action(login);
            return done;
        }, ct);

    private async Task<IActionResult> ActAsync(string anchor, Func<string, Task<string>> action, CancellationToken ct)
    {
        var scope = await AdminAsync(ct);
        try
        {
            TempData["Message"] = await action(scope.Login);
            TempData.Remove("DraftFrom");
            TempData.Remove("DraftNumerator");
            TempData.Remove("DraftDenominator");
        }
        catch (Exception ex) when (Errors.IsForUser(ex))
        {
            TempData["Error"] = Errors.Describe(ex);
        }
        TempData["Open"] = anchor[1..];
        return Redirect("/catalog" + anchor);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        await AdminAsync(ct);
        Catalog = await ListCatalog.RunAsync(database, ct);
        IsError = TempData["Error"] is string;
        Message = TempData["Error"] as string ?? TempData["Message"] as string;
        Open = TempData["Open"] as string;
        Draft = (TempData["DraftFrom"] as string, TempData["DraftNumerator"] as string, TempData["DraftDenominator"] as string);
    }

    private async Task<Core.Features.Access.AccessScope> AdminAsync(CancellationToken ct)
    {
        var scope = await current.ScopeAsync(ct);
        return scope.Role == Roles.Admin ? scope : throw new ForbiddenException("методику изменяет только администратор");
    }
}
