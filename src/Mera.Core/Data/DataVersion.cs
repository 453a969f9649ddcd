using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Data;

/// <summary>
/// SQLite's `PRAGMA data_version`: it changes on this connection only when another connection commits. Read before
/// the values are compared and again once the write transaction holds the lock, it tells whether the comparison
/// is still current. Null on PostgreSQL, which checks in the write itself (ValueWriter).
/// </summary>
public static class DataVersion
{
    public static async Task<long?> ReadAsync(MeraDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            return null;
        }
        await using var command = await db.RawCommandAsync("PRAGMA data_version", ct);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
