using System.Globalization;
using System.Text.RegularExpressions;
using Mera.Core.Data;

namespace Mera.Core.Features.Database;

/// <summary>
/// One checked backup per day into a folder (`mera-YYYY-MM-DD.db`, or `.dump` for PostgreSQL) and the oldest
/// beyond <c>keep</c> removed. A day's file that already exists is kept as it is, so two web nodes, a restart
/// or a cron job on the same day make one copy, not several.
/// </summary>
public static partial class DailyBackup
{
    public sealed record Result(string File, bool Created, IReadOnlyList<string> Removed);

    public static async Task<Result> RunAsync(MeraDb database, string folder, int keep, DateOnly day, CancellationToken ct = default)
    {
        if (keep < 1)
        {
            throw new OperationRefusedException("Число хранимых копий должно быть не меньше 1");
        }
        var extension = database.Settings.IsEmbedded ? "db" : "dump";
        var file = Path.Combine(Path.GetFullPath(folder), $"mera-{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.{extension}");
        var created = false;
        if (!File.Exists(file))
        {
            await BackupDatabase.RunAsync(database, file, ct);
            created = true;
        }
        // Only files named by this job are rotated: anything else an administrator put there stays.
        var removed = Directory.EnumerateFiles(Path.GetDirectoryName(file)!, $"mera-*.{extension}")
            .Where(f => DayFile().IsMatch(Path.GetFileNameWithoutExtension(f)))
            .OrderByDescending(f => Path.GetFileName(f), StringComparer.Ordinal)
            .Skip(keep)
            .ToList();
        foreach (var old in removed)
        {
            File.Delete(old);
        }
        return new Result(file, created, removed);
    }

    [GeneratedRegex(@"^mera-\d{4}-\d{2}-\d{2}$")]
    private static partial Regex DayFile();
}
