using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Users;
using Mera.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Mera.Web.Pages.Users;

[EnableRateLimiting(MeraServices.LoginRateLimit)]
public sealed class LoginModel(SignInManager<MeraUser> signIn, UserManager<MeraUser> users, LoginThrottle throttle, MeraDb database) : PageModel
{
    [BindProperty] public string Login { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }
    public IReadOnlyList<(string Login, string Role, string Org, string Name)> DemoAccounts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadDemoAsync(ct);

    /// <summary>A hash to check a password against when the login does not exist: an unknown login takes as long as a known one.</summary>
    private static readonly Lazy<string> Decoy = new(() => new PasswordHasher<MeraUser>().HashPassword(null!, "decoy-password-of-no-one"));

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var login = Login.Trim();
        var address = HttpContext.Connection.RemoteIpAddress?.ToString();
        if (throttle.IsHeldBack(login, address))
        {
            Error = "Слишком много неудачных попыток входа в эту учётную запись. Повторите через 15 минут или обратитесь к администратору.";
            await LoadDemoAsync(ct);
            return Page();
        }
        if (await users.FindByNameAsync(login) is null)
        {
            users.PasswordHasher.VerifyHashedPassword(null!, Decoy.Value, Password);
            throttle.Failed(login, address);
            Error = "Неверный логин или пароль.";
            await LoadDemoAsync(ct);
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(login, Password, isPersistent: false, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            throttle.Succeeded(login, address);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        if (!result.IsLockedOut)
        {
            throttle.Failed(login, address);
        }
        Error = result.IsLockedOut
            ? "Учётная запись заблокирована администратором. Обратитесь к нему."
            : "Неверный логин или пароль.";
        await LoadDemoAsync(ct);
        return Page();
    }

    private async Task LoadDemoAsync(CancellationToken ct)
    {
        if (await DemoUsers.ShownAsync(database, ct))
        {
            DemoAccounts = DemoUsers.Accounts;
        }
    }
}
