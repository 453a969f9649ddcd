using Mera.Core.Data;
using Mera.Core.Features.Database;

namespace Mera.Web.Infrastructure;

/// <summary>
/// The scheduled daily backup: with MERA_BACKUP_DIR set, a checked copy after MERA_BACKUP_HOUR (2 by default,
/// region time), keeping MERA_BACKUP_KEEP days (14 by default). Off when MERA_BACKUP_DIR is not set.
/// </summary>
public sealed class BackupJob(MeraDb database, TimeProvider clock, IConfiguration configuration, ILogger<BackupJob> logger)
    : DailyJob(database, clock, logger)
{
    protected override int? Hour => string.IsNullOrWhiteSpace(configuration["MERA_BACKUP_DIR"]) ? null
        : int.TryParse(configuration["MERA_BACKUP_HOUR"], out var h) ? h : 2;

    protected override async Task RunDailyAsync(DateOnly today, CancellationToken ct)
    {
        var keep = int.TryParse(configuration["MERA_BACKUP_KEEP"], out var k) ? k : 14;
        var result = await DailyBackup.RunAsync(Database, configuration["MERA_BACKUP_DIR"]!, keep, today, ct);
        logger.LogInformation("Daily backup {File}: {State}, {Removed} old copies removed", result.File,
            result.Created ? "created" : "already there", result.Removed.Count);
    }
}
