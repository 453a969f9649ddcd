using System.Data.Common;
using Mera.Core.Domain;
using Mera.Core.Features.Values;
using Npgsql;
using NpgsqlTypes;

namespace Mera.Core.Data;

/// <summary>A changed value: the record to store and the value it replaces (null when new).</summary>
public sealed record ValueChange(ValueRecord Record, double? OldValue);

/// <summary>
/// The write path of every value change, inside the caller's transaction. A stored value is its own latest change
/// (previous → value, with its provenance), so a new value is one row; a replaced one first moves its version into
/// the history (ADR 0017). SQLite uses prepared statements; PostgreSQL binary COPY into a staging table, then
/// set-based writes. Each change carries the value it replaces, so it must still be the stored one: on SQLite the
/// caller holds the write lock and has checked that nobody committed since it read (DataVersion); on PostgreSQL the
/// write itself only replaces a value still equal to the old one and only inserts where there is none, and answers
/// false — having changed nothing the caller keeps — when any row moved.
/// </summary>
public static class ValueWriter
{
    public static async Task<bool> WriteAsync(DbConnection connection, DbTransaction transaction, DbProvider provider,
        IReadOnlyList<ValueChange> changes, ValueProvenance provenance, DateTimeOffset now, CancellationToken ct)
    {
        if (changes.Count == 0)
        {
            return true;
        }
        if (provider == DbProvider.Postgres)
        {
            return changes.Count <= SmallWrite
                ? await WritePostgresSmallAsync((NpgsqlConnection)connection, changes, provenance, now, ct)
                : await WritePostgresAsync((NpgsqlConnection)connection, changes, provenance, now, ct);
        }
        // The native statements run inside the transaction already open on this connection.
        SqliteForeignKeys.CheckReferences((Microsoft.Data.Sqlite.SqliteConnection)connection, transaction, changes);
        WriteSqlite((Microsoft.Data.Sqlite.SqliteConnection)connection, changes, provenance, now);
        return true;
    }

    private static readonly TimeSpan BulkTimeout = TimeSpan.FromMinutes(30);

    // SQLite's statements, with numbered parameters bound by position (SqliteBulkStatement).
    private const string UpsertSql = """
        INSERT INTO data_values (org_unit_id, element_id, period_code, period_type, period_anchor, value, comment, source, import_batch_id, source_file, changed_by, changed_at, previous_value)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
        ON CONFLICT (org_unit_id, element_id, period_code) DO UPDATE SET value = excluded.value, comment = excluded.comment, source = excluded.source,
          import_batch_id = excluded.import_batch_id, source_file = excluded.source_file, changed_by = excluded.changed_by, changed_at = excluded.changed_at,
          previous_value = excluded.previous_value
        """;

    /// <summary>The stored version of a value, as the change that made it, moved into the history before it is replaced.</summary>
    internal const string ArchiveColumns = """
        INSERT INTO data_value_history (org_unit_id, element_id, period_code, old_value, new_value, source, import_batch_id, source_file, changed_by, changed_at)
        SELECT d.org_unit_id, d.element_id, d.period_code, d.previous_value, d.value, d.source, d.import_batch_id, d.source_file, d.changed_by, d.changed_at
        FROM data_values d
        """;

    private const string ArchiveSql = ArchiveColumns + " WHERE d.org_unit_id = ?1 AND d.element_id = ?2 AND d.period_code = ?3";

    private static void WriteSqlite(Microsoft.Data.Sqlite.SqliteConnection connection, IReadOnlyList<ValueChange> changes,
        ValueProvenance provenance, DateTimeOffset now)
    {
        using var upsert = new SqliteBulkStatement(connection, UpsertSql);
        using var archive = changes.Any(c => c.OldValue is not null) ? new SqliteBulkStatement(connection, ArchiveSql) : null;
        // Provenance is the same for every row: bound once, kept across resets.
        upsert.Bind(7, provenance.Comment).Bind(8, (long)provenance.Source).BindId(9, provenance.ImportBatchId)
            .Bind(10, provenance.SourceFile).Bind(11, provenance.ChangedBy).Bind(12, SqliteBulkStatement.Text(now));
        var periods = new SqlitePeriodTexts();
        // Bindings outlive a reset: a file lists one school's values, and a period's, row after row, so only what differs
        // from the previous row is bound again (half the native calls of a national import). An unbound parameter is
        // NULL, which is where the replaced value starts.
        int? org = null;
        Domain.Period? period = null;
        double? old = null;
        foreach (var change in changes)
        {
            var r = change.Record;
            var (code, anchor) = periods.Of(r.Period);
            if (change.OldValue is not null)
            {
                archive!.Bind(1, r.OrgId).Bind(2, r.Element.Id).Bind(3, code).Run();
            }
            if (r.OrgId != org)
            {
                upsert.Bind(1, r.OrgId);
                org = r.OrgId;
            }
            if (r.Period != period)
            {
                upsert.Bind(3, code).Bind(4, (long)r.Period.Type).Bind(5, anchor);
                period = r.Period;
            }
            if (change.OldValue != old)
            {
                upsert.Bind(13, change.OldValue);
                old = change.OldValue;
            }
            upsert.Bind(2, r.Element.Id).Bind(6, r.Value).Run();
        }
    }

    /// <summary>A form save or an API call: one round trip of per-row statements beats staging and COPY.</summary>
    private const int SmallWrite = 200;

    private static async Task<bool> WritePostgresSmallAsync(NpgsqlConnection connection, IReadOnlyList<ValueChange> changes,
        ValueProvenance provenance, DateTimeOffset now, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection);
        var writes = new List<NpgsqlBatchCommand>(changes.Count);
        var at = now.ToUniversalTime();
        foreach (var change in changes)
        {
            var r = change.Record;
            // Parameters $1–$3 the key, $4 the value, $5–$9 the provenance, $10 the comment, then $11 the value replaced
            // (an update) or $11–$12 the period's type and anchor (an insert).
            NpgsqlBatchCommand write;
            if (change.OldValue is double old)
            {
                var archive = new NpgsqlBatchCommand(ArchiveColumns + " WHERE d.org_unit_id = $1 AND d.element_id = $2 AND d.period_code = $3 AND d.value = $4");
                AddKey(archive.Parameters, r);
                archive.Parameters.Add(new NpgsqlParameter { Value = old });
                batch.BatchCommands.Add(archive);
                write = new NpgsqlBatchCommand("""
                    UPDATE data_values SET value = $4, source = $5, import_batch_id = $6, source_file = $7, changed_by = $8, changed_at = $9, comment = $10,
                      previous_value = $11
                    WHERE org_unit_id = $1 AND element_id = $2 AND period_code = $3 AND value = $11
                    """);
                AddValue(write.Parameters, r, provenance, at);
                write.Parameters.Add(new NpgsqlParameter { Value = old });
            }
            else
            {
                write = new NpgsqlBatchCommand("""
                    INSERT INTO data_values (org_unit_id, element_id, period_code, value, source, import_batch_id, source_file, changed_by, changed_at, comment, period_type, period_anchor)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
                    ON CONFLICT (org_unit_id, element_id, period_code) DO NOTHING
                    """);
                AddValue(write.Parameters, r, provenance, at);
                write.Parameters.Add(new NpgsqlParameter { Value = (int)r.Period.Type });
                write.Parameters.Add(new NpgsqlParameter { Value = r.Period.Anchor });
            }
            batch.BatchCommands.Add(write);
            writes.Add(write);
        }
        await batch.ExecuteNonQueryAsync(ct);
        // Every value statement must have touched its row: 0 means the stored value moved (or appeared) meanwhile.
        return writes.All(w => w.RecordsAffected == 1);
    }

    private static void AddKey(NpgsqlParameterCollection parameters, ValueRecord r)
    {
        parameters.Add(new NpgsqlParameter { Value = r.OrgId });
        parameters.Add(new NpgsqlParameter { Value = r.Element.Id });
        parameters.Add(new NpgsqlParameter { Value = r.Period.Code });
    }

    /// <summary>$1–$10 of both value statements: the key, the value, its provenance and the comment.</summary>
    private static void AddValue(NpgsqlParameterCollection parameters, ValueRecord r, ValueProvenance provenance, DateTimeOffset at)
    {
        AddKey(parameters, r);
        parameters.Add(new NpgsqlParameter { Value = r.Value });
        AddProvenance(parameters, provenance, at);
        parameters.Add(new NpgsqlParameter { Value = (object?)provenance.Comment ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
    }

    /// <summary>Source, batch, file, who and when.</summary>
    private static void AddProvenance(NpgsqlParameterCollection parameters, ValueProvenance provenance, DateTimeOffset at)
    {
        parameters.Add(new NpgsqlParameter { Value = (int)provenance.Source });
        parameters.Add(new NpgsqlParameter { Value = (object?)provenance.ImportBatchId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        parameters.Add(new NpgsqlParameter { Value = (object?)provenance.SourceFile ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter { Value = provenance.ChangedBy });
        parameters.Add(new NpgsqlParameter { Value = at });
    }

    /// <summary>
    /// A large write: new values are copied straight into `data_values` — as `\copy` does, no staging table and no
    /// INSERT … SELECT (which took 36 of 46 s for 1,52 M values) — and a key that appeared meanwhile makes the COPY fail
    /// with a unique violation, answered as «moved». Replaced values go through a staging table: their history row and
    /// the update each check the value still stored.
    /// </summary>
    private static async Task<bool> WritePostgresAsync(NpgsqlConnection connection, IReadOnlyList<ValueChange> changes,
        ValueProvenance provenance, DateTimeOffset now, CancellationToken ct)
    {
        var replaced = changes.Where(c => c.OldValue is not null).ToList();
        if (replaced.Count > 0 && !await ReplacePostgresAsync(connection, replaced, provenance, now, ct))
        {
            return false;
        }
        if (replaced.Count == changes.Count)
        {
            return true;
        }
        try
        {
            await CopyNewValuesAsync(connection, changes, provenance, now, ct);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return false; // the caller rolls the transaction back and plans again
        }
    }

    private static async Task CopyNewValuesAsync(NpgsqlConnection connection, IReadOnlyList<ValueChange> changes,
        ValueProvenance provenance, DateTimeOffset now, CancellationToken ct)
    {
        // What every row shares, encoded once; a period's code, type and anchor once per period (PgCopyRows).
        var shared = new PgCopyRows.Block().Text(provenance.Comment).Int4((int)provenance.Source).Int8(provenance.ImportBatchId)
            .Text(provenance.SourceFile).Text(provenance.ChangedBy).TimestampTz(now).ToArray();
        var periods = new Dictionary<Domain.Period, byte[]>();
        await using var stream = await connection.BeginRawBinaryCopyAsync("""
            COPY data_values (org_unit_id, element_id, value, period_code, period_type, period_anchor, comment, source, import_batch_id, source_file, changed_by, changed_at)
            FROM STDIN (FORMAT BINARY)
            """, ct);
        // A national file takes longer than Npgsql's default 30 s: the import is bounded by its own limits instead.
        stream.WriteTimeout = (int)BulkTimeout.TotalMilliseconds;
        var rows = new PgCopyRows(stream);
        foreach (var change in changes)
        {
            if (change.OldValue is not null)
            {
                continue;
            }
            var r = change.Record;
            if (!periods.TryGetValue(r.Period, out var period))
            {
                periods[r.Period] = period = new PgCopyRows.Block().Text(r.Period.Code).Int4((int)r.Period.Type).Date(r.Period.Anchor).ToArray();
            }
            await rows.StartRowAsync(12, period.Length + shared.Length, ct);
            rows.Int4Field(r.OrgId);
            rows.Int4Field(r.Element.Id);
            rows.Float8Field(r.Value);
            rows.Raw(period);
            rows.Raw(shared);
        }
        await rows.CompleteAsync(ct);
        // Ends the COPY: the server's verdict (a unique violation when a key appeared meanwhile) is thrown here.
        await stream.DisposeAsync();
    }

    private static async Task<bool> ReplacePostgresAsync(NpgsqlConnection connection, IReadOnlyList<ValueChange> changes,
        ValueProvenance provenance, DateTimeOffset now, CancellationToken ct)
    {
        await using (var create = new NpgsqlCommand(
            "CREATE TEMP TABLE IF NOT EXISTS staging_replaced (org_unit_id int, element_id int, period_code text, old_value double precision, value double precision) ON COMMIT DELETE ROWS",
            connection))
        {
            await create.ExecuteNonQueryAsync(ct);
        }
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY staging_replaced (org_unit_id, element_id, period_code, old_value, value) FROM STDIN (FORMAT BINARY)", ct))
        {
            copy.Timeout = BulkTimeout;
            foreach (var change in changes)
            {
                var r = change.Record;
                copy.StartRow();
                copy.Write(r.OrgId, NpgsqlDbType.Integer);
                copy.Write(r.Element.Id, NpgsqlDbType.Integer);
                copy.Write(r.Period.Code, NpgsqlDbType.Text);
                copy.Write(change.OldValue!.Value, NpgsqlDbType.Double);
                copy.Write(r.Value, NpgsqlDbType.Double);
            }
            await copy.CompleteAsync(ct);
        }
        // A temporary table has no statistics: without them the planner may hash-join the whole of data_values to
        // update a form's four values (the deadline-day load test halved its saves/s that way).
        await ExecuteAsync(connection, "ANALYZE staging_replaced", provenance, now, ct);
        var archived = await ExecuteAsync(connection, ArchiveColumns + """

            JOIN staging_replaced s ON d.org_unit_id = s.org_unit_id AND d.element_id = s.element_id AND d.period_code = s.period_code
            WHERE d.value = s.old_value
            """, provenance, now, ct);
        // Row locks taken by the UPDATE re-check the old value after any concurrent writer commits (READ COMMITTED).
        var updated = await ExecuteAsync(connection, """
            UPDATE data_values d SET value = s.value, comment = @c, source = @s, import_batch_id = @b, source_file = @f, changed_by = @u, changed_at = @n,
              previous_value = s.old_value
            FROM staging_replaced s
            WHERE d.org_unit_id = s.org_unit_id AND d.element_id = s.element_id AND d.period_code = s.period_code
              AND d.value = s.old_value
            """, provenance, now, ct);
        if (archived != changes.Count || updated != changes.Count)
        {
            return false;
        }
        await ExecuteAsync(connection, "TRUNCATE staging_replaced", provenance, now, ct);
        return true;
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, ValueProvenance provenance, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.CommandTimeout = (int)BulkTimeout.TotalSeconds;
        command.Parameters.AddWithValue("s", (int)provenance.Source);
        command.Parameters.AddWithValue("b", NpgsqlDbType.Bigint, (object?)provenance.ImportBatchId ?? DBNull.Value);
        command.Parameters.AddWithValue("f", NpgsqlDbType.Text, (object?)provenance.SourceFile ?? DBNull.Value);
        command.Parameters.AddWithValue("u", provenance.ChangedBy);
        command.Parameters.AddWithValue("c", NpgsqlDbType.Text, (object?)provenance.Comment ?? DBNull.Value);
        command.Parameters.AddWithValue("n", now.ToUniversalTime());
        return await command.ExecuteNonQueryAsync(ct);
    }
}
