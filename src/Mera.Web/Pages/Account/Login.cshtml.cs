using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Users;
using Mera.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Mera.Web.Pages.Account;

[EnableRateLimiting(MeraServices.LoginRateLimit)]
public sealed class LoginModel(SignInManager<MeraUser> signIn, MeraDb database) : PageModel
{
    [BindProperty] public string Login { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }
    public IReadOnlyList<(string Login, string Role, string Org, string Name)> DemoAccounts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadDemoAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await signIn.PasswordSignInAsync(Login.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        Error = result.IsLockedOut
            ? "Учётная запись временно заблокирована после нескольких неудачных попыток. Повторите через 15 минут или обратитесь к администратору."
            : "Неверный логин или пароль.";
        await LoadDemoAsync(ct);
        return Page();
    }

    private async Task LoadDemoAsync(CancellationToken ct)
    {
        if (await DemoUsers.AnyAsync(database, ct))
        {
            DemoAccounts = DemoUsers.Accounts;
        }
    }
}
