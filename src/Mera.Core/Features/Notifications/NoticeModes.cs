using Mera.Core.Data;
using Mera.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Notifications;

/// <summary>
/// Immediate or once a day, chosen per user and kind: reminders of deadlines, and the workflow (sent, accepted,
/// returned). A notice for someone who chose «раз в день» waits in the outbox as `held` and goes out in the next
/// morning's one message — so nobody switches notices off out of fatigue.
/// </summary>
public static class NoticeModes
{
    public const string Held = "held";
    public const string Bundled = "bundled";

    public sealed record Command(string UserId, bool RemindersDaily, bool WorkflowDaily);

    public static async Task SetAsync(MeraDb database, Command c, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var user = await db.Users.SingleAsync(u => u.Id == c.UserId, ct);
        (user.RemindersDaily, user.WorkflowDaily) = (c.RemindersDaily, c.WorkflowDaily);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The e-mails whose owners want this kind once a day (compared case-insensitively).</summary>
    public static async Task<HashSet<string>> DailyRecipientsAsync(MeraDbContext db, bool workflow, CancellationToken ct) =>
        (await db.Users.AsNoTracking().Where(u => u.Email != null && (workflow ? u.WorkflowDaily : u.RemindersDaily))
            .Select(u => u.Email!).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The status a new notice starts in for a recipient.</summary>
    public static string StatusFor(string recipient, HashSet<string> daily) => daily.Contains(recipient) ? Held : "queued";
}
