using System.Security.Claims;
using Mera.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Mera.Web.Infrastructure;

/// <summary>
/// A signed-in cookie is honoured only while its security stamp is the user's current one: logging out, changing or
/// resetting the password and locking the account change the stamp, and the old cookie stops working on its very next
/// request — not up to a minute (or eight hours) later. One indexed read per request that carries a cookie.
/// </summary>
public sealed class SessionStampCheck(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, MeraDb database)
    {
        var user = context.User;
        var stamp = user.FindFirstValue(new IdentityOptions().ClaimsIdentity.SecurityStampClaimType);
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (stamp is not null && id is not null && user.Identity?.AuthenticationType == IdentityConstants.ApplicationScheme)
        {
            await using var db = database.CreateContext();
            var current = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleOrDefaultAsync(context.RequestAborted);
            if (current != stamp)
            {
                await context.SignOutAsync(IdentityConstants.ApplicationScheme);
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
            }
        }
        await next(context);
    }
}
