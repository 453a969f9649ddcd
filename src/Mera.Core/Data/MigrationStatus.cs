using System.Reflection;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mera.Core.Data;

/// <summary>
/// Whether the database lacks migrations this build knows, read without EF's migrator: that service builds the
/// whole EF model first (0,4 s of every CLI command), which a command can instead build on the second core
/// while it reads its file (ADR 0018).
/// </summary>
public static class MigrationStatus
{
    private static readonly string[] Known = typeof(MigrationStatus).Assembly.GetTypes()
        .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id).OfType<string>().Order().ToArray();

    public static async Task<bool> IsBehindAsync(MeraDb database, CancellationToken ct = default)
    {
        await using var connection = database.OpenConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = database.Settings.IsEmbedded
            ? "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'"
            : "SELECT count(*) FROM information_schema.tables WHERE table_name = '__EFMigrationsHistory' AND table_schema = current_schema()";
        if (Convert.ToInt64(await command.ExecuteScalarAsync(ct)) == 0)
        {
            return true;
        }
        command.CommandText = "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\"";
        var applied = new HashSet<string>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                applied.Add(reader.GetString(0));
            }
        }
        return Known.Any(id => !applied.Contains(id));
    }

    /// <summary>Builds the EF model (cached for the process) on the thread pool, so the first query finds it ready.</summary>
    public static void WarmUpModel(MeraDb database) =>
        _ = Task.Run(() =>
        {
            using var context = database.CreateContext();
            _ = context.Model;
        });
}
