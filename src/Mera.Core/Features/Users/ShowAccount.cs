using Mera.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Users;

/// <summary>«Учётная запись»: the live API token (expiry, last use), the notice choices and the phone of the executor mark.</summary>
public static class ShowAccount
{
    public sealed record Result((DateTimeOffset Expires, DateTimeOffset? LastUsed)? LiveToken, bool RemindersDaily, bool WorkflowDaily, string? Phone);

    public static async Task<Result> RunAsync(MeraDb database, string userId, TimeProvider clock, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, ct);
        var live = user.ApiTokenExpiresAt is { } expires && expires > clock.GetUtcNow() ? (expires, user.ApiTokenLastUsedAt) : ((DateTimeOffset, DateTimeOffset?)?)null;
        return new Result(live, user.RemindersDaily, user.WorkflowDaily, user.PhoneNumber);
    }
}
