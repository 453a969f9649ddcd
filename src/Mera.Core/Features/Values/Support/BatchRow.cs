using Mera.Core.Data;
using Mera.Core.Domain;

namespace Mera.Core.Features.Values;

/// <summary>
/// The import batch of a file write, kept in plain SQL inside the write's transaction: through EF Core the first save of
/// a one-shot CLI import compiled its update pipeline for a fifth of a second, for one row. Columns as EF maps them
/// (snake_case; a moment as SQLite's text or PostgreSQL's timestamptz), so EF reads the row back as usual.
/// </summary>
internal static class BatchRow
{
    public static async Task<long> InsertAsync(MeraDbContext db, ImportBatch batch, CancellationToken ct)
    {
        await using var command = await db.RawCommandAsync("""
            INSERT INTO import_batches (kind, file_name, sha256, period_code, org_code, imported_by, imported_at, rows_read,
              values_written, unchanged, skipped, warnings)
            VALUES (@kind, @file, @sha, @period, @org, @by, @at, @rows, @written, @unchanged, @skipped, 0)
            RETURNING id
            """, ct);
        command.With("kind", batch.Kind).With("file", batch.FileName).With("sha", batch.Sha256)
            .With("period", (object?)batch.PeriodCode ?? DBNull.Value).With("org", (object?)batch.OrgCode ?? DBNull.Value)
            .With("by", batch.ImportedBy).With("at", batch.ImportedAt.ToUniversalTime()).With("rows", batch.RowsRead)
            .With("written", batch.ValuesWritten).With("unchanged", batch.Unchanged).With("skipped", batch.Skipped);
        return batch.Id = Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The rules' verdict, known once the values are written: the warnings counted and listed.</summary>
    public static async Task SetWarningsAsync(MeraDbContext db, ImportBatch batch, CancellationToken ct)
    {
        await using var command = await db.RawCommandAsync("UPDATE import_batches SET warnings = @warnings, issues = @issues WHERE id = @id", ct);
        command.With("warnings", batch.Warnings).With("issues", (object?)batch.Issues ?? DBNull.Value).With("id", batch.Id);
        await command.ExecuteNonQueryAsync(ct);
    }
}
