using System.Security.Cryptography;
using System.Text;
using Mera.Core.Data;
using Mera.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Users;

/// <summary>
/// A personal API token for scripts: shown once, stored only as its SHA-256, valid for <see cref="Lifetime"/>, replaced
/// by issuing a new one and revoked by the user, by their administrators, and by a password reset, a lock or a role
/// change. The token carries the user's own rights (role and org subtree), nothing more.
/// </summary>
public static class IssueApiToken
{
    public const string Prefix = "mera_";

    /// <summary>MERA_TOKEN_DAYS (1–366), 90 days by default.</summary>
    public static TimeSpan Lifetime { get; } = TimeSpan.FromDays(
        int.TryParse(Environment.GetEnvironmentVariable("MERA_TOKEN_DAYS"), out var days) && days is >= 1 and <= 366 ? days : 90);

    /// <summary>The last use is written at most this often: a script calling every second must not write every second.</summary>
    private static readonly TimeSpan UseResolution = TimeSpan.FromMinutes(5);

    public static async Task<string> RunAsync(MeraDb database, string userId, TimeProvider clock, CancellationToken ct = default)
    {
        var token = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        await using var db = database.CreateContext();
        var user = await db.Users.SingleAsync(u => u.Id == userId, ct);
        user.ApiTokenHash = HashOf(token);
        user.ApiTokenExpiresAt = clock.GetUtcNow() + Lifetime;
        user.ApiTokenLastUsedAt = null;
        db.AuditLog.Add(AuditEntry.Of(clock, user.UserName ?? userId, "user.api_token", "user", userId,
            $"выпущен новый API-токен, действует до {Clock.LocalDate(user.ApiTokenExpiresAt.Value):dd.MM.yyyy}", user.OrgUnitId));
        await db.SaveChangesAsync(ct);
        return token;
    }

    /// <summary>Ends the user's token (if any); the caller saves and audits.</summary>
    public static bool Revoke(MeraUser user)
    {
        var had = user.ApiTokenHash is not null;
        (user.ApiTokenHash, user.ApiTokenExpiresAt) = (null, null);
        return had;
    }

    public static async Task RevokeAsync(MeraDb database, string userId, string by, TimeProvider clock, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var user = await db.Users.SingleAsync(u => u.Id == userId, ct);
        if (Revoke(user))
        {
            db.AuditLog.Add(AuditEntry.Of(clock, by, "user.api_token_revoke", "user", userId, $"API-токен пользователя {user.UserName} отозван", user.OrgUnitId));
            await db.SaveChangesAsync(ct);
        }
    }

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The user of a live token, with its use recorded; null for an unknown, expired or revoked one.</summary>
    public static async Task<MeraUser?> FindAsync(MeraDb database, string token, TimeProvider clock, CancellationToken ct = default)
    {
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 100)
        {
            return null;
        }
        var hash = HashOf(token);
        await using var db = database.CreateContext();
        var user = await db.Users.SingleOrDefaultAsync(u => u.ApiTokenHash == hash, ct);
        var now = clock.GetUtcNow();
        if (user is null || user.ApiTokenExpiresAt is not { } expires || expires <= now)
        {
            return null;
        }
        if (user.ApiTokenLastUsedAt is not { } used || now - used > UseResolution)
        {
            user.ApiTokenLastUsedAt = now;
            await db.SaveChangesAsync(ct);
        }
        return user;
    }
}
