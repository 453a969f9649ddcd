using System.Diagnostics;
using Mera.Core.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Mera.Core.Features.Database;

/// <summary>
/// `./mera backup FILE`: SQLite through the online backup API (consistent while the web app keeps writing);
/// PostgreSQL through `pg_dump --format=custom`. The copy is then opened and its row counts compared with the
/// source's, so a backup that cannot be read is known at once, not on the day it is needed.
/// </summary>
public static class BackupDatabase
{
    public sealed record Result(string File, long Bytes, IReadOnlyDictionary<string, long> Counts);

    public static async Task<Result> RunAsync(MeraDb database, string file, CancellationToken ct = default)
    {
        var target = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var counts = await DatabaseCounts.RunAsync(database, ct);
        var temporary = target + ".partial";
        File.Delete(temporary);
        if (database.Settings.IsEmbedded)
        {
            await using (var source = new SqliteConnection(database.Settings.ConnectionString))
            await using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temporary, Pooling = false }.ToString()))
            {
                await source.OpenAsync(ct);
                await copy.OpenAsync(ct);
                source.BackupDatabase(copy);
                // The copy inherits WAL mode; a backup must be one self-contained file.
                await using var journal = copy.CreateCommand();
                journal.CommandText = "PRAGMA journal_mode=DELETE";
                await journal.ExecuteNonQueryAsync(ct);
            }
            var copied = await DatabaseCounts.RunAsync(ReadOnlySqlite(temporary), ct);
            Verify(counts, copied, "резервная копия");
            File.Delete(temporary + "-wal");
            File.Delete(temporary + "-shm");
        }
        else
        {
            await PgToolAsync("pg_dump", database.Settings.ConnectionString, ["--format=custom", "--no-owner", $"--file={temporary}"], ct);
        }
        File.Move(temporary, target, overwrite: true);
        return new Result(target, new FileInfo(target).Length, counts);
    }

    /// <summary>A SQLite file opened read-only and unpooled, to check a copy without changing it or keeping it open.</summary>
    internal static MeraDb ReadOnlySqlite(string path) => new(new DbSettings(DbProvider.Sqlite,
        new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString()));

    internal static void Verify(IReadOnlyDictionary<string, long> expected, IReadOnlyDictionary<string, long> actual, string what)
    {
        var different = expected.Where(e => actual.GetValueOrDefault(e.Key, -1) != e.Value).Select(e => $"{e.Key}: {e.Value} → {actual.GetValueOrDefault(e.Key, -1)}").ToList();
        if (different.Count > 0)
        {
            throw new OperationRefusedException($"{what} не совпадает с исходной базой ({string.Join("; ", different)})");
        }
    }

    /// <summary>Runs pg_dump / pg_restore with the connection string's host, port, user and database (password via PGPASSWORD).</summary>
    internal static async Task PgToolAsync(string tool, string connectionString, IReadOnlyList<string> args, CancellationToken ct)
    {
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { $"--host={c.Host}", $"--port={c.Port}", $"--username={c.Username}", $"--dbname={c.Database}" }.Concat(args))
        {
            start.ArgumentList.Add(a);
        }
        if (c.Password is { } password)
        {
            start.Environment["PGPASSWORD"] = password;
        }
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new OperationRefusedException($"Не найдена программа {tool}: установите пакет postgresql-client той же версии, что и сервер");
        }
        using (process)
        {
            var error = process.StandardError.ReadToEndAsync(ct);
            await process.StandardOutput.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            if (process.ExitCode != 0)
            {
                throw new OperationRefusedException($"{tool} завершился с ошибкой: {(await error).Trim()}");
            }
        }
    }
}
