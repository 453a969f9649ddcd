using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Data;

/// <summary>
/// SQLite checks both foreign keys of every row it inserts: a fifth of a national import's writing, for the same few
/// thousand schools and forty elements over and over. A large write turns the checks off on its own connection
/// (only possible outside a transaction) and <see cref="ValueWriter"/> then checks each distinct org and element once,
/// inside the write's transaction. Other connections keep the checks, so deleting a referenced org is still refused.
/// </summary>
public sealed class SqliteForeignKeys : IAsyncDisposable
{
    private readonly MeraDbContext _db;

    private SqliteForeignKeys(MeraDbContext db) => _db = db;

    /// <summary>Null when nothing is suspended (PostgreSQL, whose bulk path has no per-row checks, or a small write).</summary>
    public static async Task<SqliteForeignKeys?> SuspendAsync(MeraDbContext db, bool when, CancellationToken ct)
    {
        if (!when || !db.Database.IsSqlite() || !await IsOnAsync(db, ct))
        {
            return null;
        }
        await SetAsync(db, "OFF", ct);
        return new SqliteForeignKeys(db);
    }

    /// <summary>
    /// Back on before the connection returns to the pool, whatever happened to the write. Should the pragma not take
    /// (it is ignored inside a transaction), the connection is dropped from the pool rather than lent out unchecked.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await SetAsync(_db, "ON", CancellationToken.None);
        if (!await IsOnAsync(_db, CancellationToken.None))
        {
            SqliteConnection.ClearPool((SqliteConnection)_db.Database.GetDbConnection());
        }
    }

    private static async Task SetAsync(MeraDbContext db, string state, CancellationToken ct)
    {
        await using var command = await db.RawCommandAsync($"PRAGMA foreign_keys = {state}", ct);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<bool> IsOnAsync(MeraDbContext db, CancellationToken ct)
    {
        await using var command = await db.RawCommandAsync("PRAGMA foreign_keys", ct);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) != 0;
    }

    /// <summary>
    /// With the checks off on this connection: every org and element the changes name still exists (one query each),
    /// or the write is refused before a row is stored. With them on, SQLite checks each row itself.
    /// </summary>
    internal static void CheckReferences(SqliteConnection connection, DbTransaction transaction, IReadOnlyList<ValueChange> changes)
    {
        using var state = connection.CreateCommand();
        state.Transaction = (SqliteTransaction)transaction;
        state.CommandText = "PRAGMA foreign_keys";
        if (Convert.ToInt64(state.ExecuteScalar(), CultureInfo.InvariantCulture) != 0)
        {
            return;
        }
        var orgs = changes.Select(c => c.Record.OrgId).Distinct().ToList();
        var elements = changes.Select(c => c.Record.Element.Id).Distinct().ToList();
        if (Count(connection, transaction, "org_units", orgs) != orgs.Count || Count(connection, transaction, "data_elements", elements) != elements.Count)
        {
            throw new OperationRefusedException("Организация или подпоказатель удалены из справочника во время записи; повторите загрузку");
        }
    }

    private static long Count(SqliteConnection connection, DbTransaction transaction, string table, List<int> ids)
    {
        using var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
        command.CommandText = $"SELECT count(*) FROM {table} WHERE id IN (SELECT value FROM json_each(@ids))";
        command.Parameters.AddWithValue("@ids", JsonSerializer.Serialize(ids));
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
