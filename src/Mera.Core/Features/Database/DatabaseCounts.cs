using Mera.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Database;

/// <summary>Row counts of the tables that hold what users entered: a backup and its restore must agree on every one.</summary>
public static class DatabaseCounts
{
    public static async Task<IReadOnlyDictionary<string, long>> RunAsync(MeraDb database, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        return new SortedDictionary<string, long>
        {
            ["org_units"] = await db.OrgUnits.LongCountAsync(ct),
            ["data_values"] = await db.DataValues.LongCountAsync(ct),
            ["data_value_history"] = await db.DataValueHistory.LongCountAsync(ct),
            ["import_batches"] = await db.ImportBatches.LongCountAsync(ct),
            ["submissions"] = await db.Submissions.LongCountAsync(ct),
            ["targets"] = await db.Targets.LongCountAsync(ct),
            ["users"] = await db.Users.LongCountAsync(ct),
            ["audit_log"] = await db.AuditLog.LongCountAsync(ct),
            ["roadmap_items"] = await db.RoadmapItems.LongCountAsync(ct),
            ["decisions"] = await db.Decisions.LongCountAsync(ct),
            ["agreements"] = await db.Agreements.LongCountAsync(ct),
            ["notifications"] = await db.Notifications.LongCountAsync(ct),
        };
    }

    public static string Describe(IReadOnlyDictionary<string, long> counts) =>
        string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}"));
}
