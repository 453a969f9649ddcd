using Mera.Core.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mera.Web.Pages.Users;

public sealed class LogoutModel(SignInManager<MeraUser> signIn, UserManager<MeraUser> users) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        // A new stamp ends this session everywhere: a copy of the cookie (another tab, a stolen one) stops working too.
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }
        await signIn.SignOutAsync();
        return Redirect("/login");
    }
}
