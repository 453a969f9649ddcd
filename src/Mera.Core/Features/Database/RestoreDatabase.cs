using Mera.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Database;

/// <summary>
/// `./mera restore FILE`: checks that the backup opens and is a Mera database, keeps the current database beside
/// it (SQLite: `…before-restore-<time>`), restores, migrates it to this version, and compares the restored row
/// counts with the backup's. Stop the web app first: it would otherwise keep writing to the replaced database.
/// </summary>
public static class RestoreDatabase
{
    public sealed record Result(IReadOnlyDictionary<string, long> Counts, string? PreviousCopy);

    public static async Task<Result> RunAsync(MeraDb database, string file, TimeProvider clock, CancellationToken ct = default)
    {
        var source = Path.GetFullPath(file);
        if (!File.Exists(source))
        {
            throw new OperationRefusedException($"Файл резервной копии не найден: {source}");
        }
        if (!database.Settings.IsEmbedded)
        {
            await BackupDatabase.PgToolAsync("pg_restore", database.Settings.ConnectionString, ["--clean", "--if-exists", "--no-owner", "--single-transaction", source], ct);
            await MigrateDatabase.RunAsync(database, ct);
            return new Result(await DatabaseCounts.RunAsync(database, ct), null);
        }
        var backup = BackupDatabase.ReadOnlySqlite(source);
        IReadOnlyDictionary<string, long> expected;
        try
        {
            await using (var check = backup.CreateContext())
            {
                var ok = await check.Database.SqlQueryRaw<string>("PRAGMA integrity_check").ToListAsync(ct);
                if (ok is not ["ok"])
                {
                    throw new OperationRefusedException($"Резервная копия повреждена: {string.Join("; ", ok.Take(5))}");
                }
            }
            expected = await DatabaseCounts.RunAsync(backup, ct);
        }
        catch (SqliteException ex)
        {
            throw new OperationRefusedException($"Файл {Path.GetFileName(source)} не является базой Mera: {ex.Message}");
        }
        var current = new SqliteConnectionStringBuilder(database.Settings.ConnectionString).DataSource;
        string? previous = null;
        if (File.Exists(current))
        {
            previous = $"{current}.before-restore-{clock.GetUtcNow():yyyyMMddHHmmss}";
            await BackupDatabase.RunAsync(database, previous, ct);
        }
        SqliteConnection.ClearAllPools();
        await using (var from = new SqliteConnection(backup.Settings.ConnectionString))
        await using (var to = new SqliteConnection(database.Settings.ConnectionString))
        {
            await from.OpenAsync(ct);
            await to.OpenAsync(ct);
            from.BackupDatabase(to);
        }
        await MigrateDatabase.RunAsync(database, ct);
        var restored = await DatabaseCounts.RunAsync(database, ct);
        BackupDatabase.Verify(expected, restored, "восстановленная база");
        return new Result(restored, previous);
    }
}
