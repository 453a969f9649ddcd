using System.Security.Claims;
using System.Text.Encodings.Web;
using Mera.Core.Data;
using Mera.Core.Features.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Mera.Web.Api;

/// <summary>`Authorization: Bearer mera_…`: the personal API token of a user, for scripts; the browser uses its cookie.</summary>
public sealed class ApiTokenAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    MeraDb database) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var user = await IssueApiToken.FindAsync(database, header["Bearer ".Length..].Trim(), TimeProvider, Context.RequestAborted);
        if (user is null || (user.LockoutEnd is { } end && end > TimeProvider.GetUtcNow()))
        {
            return AuthenticateResult.Fail("invalid token");
        }
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, user.UserName ?? ""),
            new Claim(ClaimTypes.Role, user.Role), new Claim("mera:name", user.FullName),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
