using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Users;
using Mera.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mera.Web.Pages.Users;

/// <summary>The user's own account: change the password, issue a personal API token (shown once).</summary>
public sealed class ProfileModel(UserManager<MeraUser> users, SignInManager<MeraUser> signIn, CurrentUser current, MeraDb database,
    TimeProvider clock) : PageModel
{
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }

    public Core.Features.Access.AccessScope Scope { get; private set; } = null!;
    public string? Message { get; private set; }
    public string? Error { get; private set; }
    public string? Token { get; private set; }

    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public bool RemindersDaily { get; set; }
    [BindProperty] public bool WorkflowDaily { get; set; }

    /// <summary>The live token's expiry and last use, or null when the user has none.</summary>
    public (DateTimeOffset Expires, DateTimeOffset? LastUsed)? LiveToken { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        Scope = await current.ScopeAsync(ct);
        var account = await ShowAccount.RunAsync(database, Scope.UserId, clock, ct);
        LiveToken = account.LiveToken;
        (RemindersDaily, WorkflowDaily) = (account.RemindersDaily, account.WorkflowDaily);
        Phone ??= account.Phone;
    }

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (NewPassword != ConfirmPassword)
        {
            Error = "Новый пароль и подтверждение не совпадают.";
            return Page();
        }
        var user = await users.GetUserAsync(User) ?? throw new ForbiddenException("пользователь не найден");
        var result = await users.ChangePasswordAsync(user, CurrentPassword ?? "", NewPassword ?? "");
        if (!result.Succeeded)
        {
            Error = "Пароль не изменён: " + MeraIdentity.Describe(result) + ".";
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        Message = "Пароль изменён.";
        return Page();
    }

    public async Task<IActionResult> OnPostTokenAsync(CancellationToken ct)
    {
        Scope = await current.ScopeAsync(ct);
        Token = await IssueApiToken.RunAsync(database, Scope.UserId, clock, ct);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostNoticesAsync(CancellationToken ct)
    {
        Scope = await current.ScopeAsync(ct);
        await Core.Features.Notifications.NoticeModes.SetAsync(database,
            new Core.Features.Notifications.NoticeModes.Command(Scope.UserId, RemindersDaily, WorkflowDaily), ct);
        Message = "Настройки уведомлений сохранены.";
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPhoneAsync(CancellationToken ct)
    {
        Scope = await current.ScopeAsync(ct);
        try
        {
            await ExecutorMark.SetPhoneAsync(database, new ExecutorMark.Command(Scope.UserId, Phone, Scope.Login), clock, ct);
            Message = "Телефон сохранён: он будет в отметке об исполнителе.";
        }
        catch (Core.OperationRefusedException refused)
        {
            Error = refused.Message;
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        Scope = await current.ScopeAsync(ct);
        await IssueApiToken.RevokeAsync(database, Scope.UserId, Scope.Login, clock, ct);
        Message = "API-токен отозван.";
        await LoadAsync(ct);
        return Page();
    }
}
