using System.Security.Claims;
using Mera.Core.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Mera.Web.Infrastructure;

/// <summary>Puts the role into the cookie; the org subtree is read from the database per request (it can change).</summary>
public sealed class MeraClaimsFactory(UserManager<MeraUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<MeraUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(MeraUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role));
        identity.AddClaim(new Claim("mera:name", user.FullName));
        return identity;
    }
}
