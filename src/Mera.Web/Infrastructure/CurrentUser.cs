using System.Security.Claims;
using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Mera.Web.Infrastructure;

/// <summary>The signed-in user's access scope for this request, and lookups that refuse what lies outside it.</summary>
public sealed class CurrentUser(IHttpContextAccessor http, MeraDb database)
{
    private AccessScope? _scope;

    public async Task<AccessScope> ScopeAsync(CancellationToken ct = default)
    {
        if (_scope is not null)
        {
            return _scope;
        }
        var id = http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new ForbiddenException("не выполнен вход");
        await using var db = database.CreateContext();
        return _scope = await AccessScope.LoadAsync(db, id, ct) ?? throw new ForbiddenException("пользователь не найден");
    }

    /// <summary>The org unit by code if the user may see it; otherwise 404 — not 403, so codes cannot be probed.</summary>
    public async Task<OrgUnit> OrgAsync(string? code, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(ct);
        await using var db = database.CreateContext();
        var org = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Code == (code ?? scope.OrgCode), ct);
        return org is not null && scope.Sees(org) ? org : throw new NotVisibleException();
    }
}

public sealed class ForbiddenException(string message) : Exception(message);

public sealed class NotVisibleException() : Exception("организация не найдена или недоступна");
