using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

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
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = "PRAGMA data_version";
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
