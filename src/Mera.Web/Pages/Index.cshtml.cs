using System.Security.Claims;
using Mera.Core.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mera.Web.Pages;

/// <summary>The home page is the user's own workspace: a school's forms, everyone else's dashboard.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() =>
        Redirect(User.FindFirstValue(ClaimTypes.Role) == Roles.School ? "/school" : "/dashboard");
}
