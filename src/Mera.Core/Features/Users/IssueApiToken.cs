using System.Security.Cryptography;
using System.Text;
using Mera.Core.Data;
using Mera.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Users;

/// <summary>
/// A personal API token for scripts: shown once, stored only as its SHA-256, replaced by issuing a new one.
/// The token carries the user's own rights (role and org subtree), nothing more.
/// </summary>
public static class IssueApiToken
{
    public const string Prefix = "mera_";

    public static async Task<string> RunAsync(MeraDb database, string userId, TimeProvider clock, CancellationToken ct = default)
    {
        var token = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        await using var db = database.CreateContext();
        var user = await db.Users.SingleAsync(u => u.Id == userId, ct);
        user.ApiTokenHash = HashOf(token);
        db.AuditLog.Add(AuditEntry.Of(clock, user.UserName ?? userId, "user.api_token", "user", userId, "выпущен новый API-токен", user.OrgUnitId));
        await db.SaveChangesAsync(ct);
        return token;
    }

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static async Task<MeraUser?> FindAsync(MeraDb database, string token, CancellationToken ct = default)
    {
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 100)
        {
            return null;
        }
        var hash = HashOf(token);
        await using var db = database.CreateContext();
        return await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.ApiTokenHash == hash, ct);
    }
}
