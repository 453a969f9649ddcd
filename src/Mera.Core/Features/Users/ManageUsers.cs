using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Users;

/// <summary>
/// User administration within a subtree: an admin manages everyone, a region its municipalities' people, a
/// municipality its schools' people — always strictly below their own org unit, so nobody manages a peer. Nobody
/// grants a role above their own or reaches outside their subtree.
/// </summary>
public static class ManageUsers
{
    /// <summary>`Manageable`: the viewer may reset, lock and revoke; `TokenExpires`: the user has a live API token until then.</summary>
    public sealed record Item(string Id, string Login, string FullName, string Role, string OrgCode, string OrgName, string? Email,
        bool Locked, bool IsDemo, bool Manageable = false, DateTimeOffset? TokenExpires = null);

    /// <summary>A user the scope may manage: bound strictly below the scope's org unit (admins manage everyone but themselves).</summary>
    public static bool Manages(AccessScope scope, string userId, string role, int orgId, string orgPath) =>
        userId != scope.UserId && scope.Sees(orgPath) && AssignableRoles(scope).Contains(role)
        && (scope.Role == Roles.Admin || orgId != scope.OrgId);

    public static IReadOnlyList<string> AssignableRoles(AccessScope scope) => scope.Role switch
    {
        Roles.Admin => Roles.All,
        Roles.Region => [Roles.Region, Roles.Municipality, Roles.School, Roles.Viewer],
        Roles.Municipality => [Roles.School, Roles.Viewer],
        _ => [],
    };

    /// <summary>An organisation a new user may be bound to, with its depth below the scope for indenting a list.</summary>
    public sealed record OrgChoice(string Code, string Name, int Depth);

    /// <summary>
    /// The organisations a new account may be bound to — strictly below the scope's own (admins: all), in tree order. Past
    /// <paramref name="limit"/> organisations only the levels above schools are offered: school accounts are the
    /// municipality's to create, and a national list of 40 000 schools is no picker.
    /// </summary>
    public static async Task<IReadOnlyList<OrgChoice>> AssignableOrgsAsync(MeraDb database, AccessScope scope, int limit = 3000,
        CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var below = db.OrgUnits.AsNoTracking().Where(o => o.Path.StartsWith(scope.OrgPath) && o.IsActive
            && (scope.Role == Roles.Admin || o.Id != scope.OrgId));
        if (await below.CountAsync(ct) > limit)
        {
            below = below.Where(o => o.Type != OrgUnitType.School);
        }
        var rows = await below.OrderBy(o => o.Path).Select(o => new { o.Code, o.Name, o.Path }).ToListAsync(ct);
        var rootDepth = scope.OrgPath.Count(c => c == '/');
        return rows.Select(o => new OrgChoice(o.Code, o.Name, Math.Max(0, o.Path.Count(c => c == '/') - rootDepth - 1))).ToList();
    }

    public static async Task<IReadOnlyList<Item>> ListAsync(MeraDb database, AccessScope scope, TimeProvider clock, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var now = clock.GetUtcNow();
        var rows = await (from u in db.Users.AsNoTracking()
                          join o in db.OrgUnits.AsNoTracking() on u.OrgUnitId equals o.Id
                          where o.Path.StartsWith(scope.OrgPath)
                          orderby o.Path, u.UserName
                          select new { u.Id, u.UserName, u.FullName, u.Role, o.Code, o.Name, u.Email, u.LockoutEnd, u.IsDemo, OrgId = o.Id, o.Path,
                              u.ApiTokenExpiresAt }).ToListAsync(ct);
        var roles = AssignableRoles(scope);
        return rows.Where(r => roles.Contains(r.Role) || r.Id == scope.UserId)
            .Select(r => new Item(r.Id, r.UserName ?? "", r.FullName, r.Role, r.Code, r.Name, r.Email, r.LockoutEnd > now, r.IsDemo,
                Manages(scope, r.Id, r.Role, r.OrgId, r.Path), r.ApiTokenExpiresAt > now ? r.ApiTokenExpiresAt : null)).ToList();
    }

    public static async Task<MeraUser> AddAsync(MeraDb database, AccessScope scope, AddUser.Command command, TimeProvider clock, CancellationToken ct = default)
    {
        await using (var db = database.CreateContext())
        {
            var org = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Code == command.OrgCode, ct);
            if (org is null || !scope.Sees(org) || !AssignableRoles(scope).Contains(command.Role)
                || (scope.Role != Roles.Admin && org.Id == scope.OrgId))
            {
                throw new OperationRefusedException("Нельзя создать пользователя с такой ролью или для этой организации");
            }
        }
        // AddUser writes the audit entry, with the officer who created the account.
        return await AddUser.RunAsync(database, command with { CreatedBy = scope.Login }, clock, ct);
    }

    /// <summary>A new password; the user's sessions and API token end. A lock stays unless <paramref name="unlock"/> is asked.</summary>
    public static async Task ResetPasswordAsync(MeraDb database, AccessScope scope, string userId, string password, TimeProvider clock,
        bool unlock = false, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var user = await ManagedAsync(db, scope, userId, ct);
        using var users = MeraIdentity.CreateManager(db);
        // Validate first: removing the old password must never leave an account without one.
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user, password);
            if (!check.Succeeded)
            {
                throw new OperationRefusedException("Пароль не изменён: " + MeraIdentity.Describe(check));
            }
        }
        var revoked = IssueApiToken.Revoke(user);
        await users.RemovePasswordAsync(user);
        await users.AddPasswordAsync(user, password);
        if (unlock)
        {
            await users.SetLockoutEndDateAsync(user, null);
        }
        await users.ResetAccessFailedCountAsync(user);
        await users.UpdateSecurityStampAsync(user);
        await AuditAsync(database, clock, scope, "user.reset_password", userId,
            $"{user.UserName}{(unlock ? ", блокировка снята" : "")}{(revoked ? ", API-токен отозван" : "")}", ct);
    }

    public static async Task SetLockedAsync(MeraDb database, AccessScope scope, string userId, bool locked, TimeProvider clock, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var user = await ManagedAsync(db, scope, userId, ct);
        user.LockoutEnd = locked ? DateTimeOffset.MaxValue : null;
        user.SecurityStamp = Guid.NewGuid().ToString("N"); // ends the user's open sessions (checked every minute)
        if (locked)
        {
            IssueApiToken.Revoke(user);
        }
        await db.SaveChangesAsync(ct);
        await AuditAsync(database, clock, scope, locked ? "user.lock" : "user.unlock", userId, user.UserName, ct);
    }

    private static async Task<MeraUser> ManagedAsync(MeraDbContext db, AccessScope scope, string userId, CancellationToken ct)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        var org = user is null ? null : await db.OrgUnits.AsNoTracking().SingleAsync(o => o.Id == user.OrgUnitId, ct);
        if (user is null || org is null || !Manages(scope, user.Id, user.Role, org.Id, org.Path))
        {
            throw new OperationRefusedException("Пользователь не найден или недоступен");
        }
        return user;
    }

    /// <summary>An administrator ends a user's API token (a script that leaked it, a person who left).</summary>
    public static async Task RevokeTokenAsync(MeraDb database, AccessScope scope, string userId, TimeProvider clock, CancellationToken ct = default)
    {
        await using (var db = database.CreateContext())
        {
            await ManagedAsync(db, scope, userId, ct);
        }
        await IssueApiToken.RevokeAsync(database, userId, scope.Login, clock, ct);
    }

    private static async Task AuditAsync(MeraDb database, TimeProvider clock, AccessScope scope, string action, string id, string? details, CancellationToken ct)
    {
        await using var db = database.CreateContext();
        var orgId = await db.Users.Where(u => u.Id == id).Select(u => (int?)u.OrgUnitId).SingleOrDefaultAsync(ct);
        db.AuditLog.Add(AuditEntry.Of(clock, scope.Login, action, "user", id, details, orgId));
        await db.SaveChangesAsync(ct);
    }
}
