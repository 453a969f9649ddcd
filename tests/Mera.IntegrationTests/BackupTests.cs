using Microsoft.EntityFrameworkCore;

namespace Mera.IntegrationTests;

/// <summary>`./mera backup` and `./mera restore`: a round trip that brings back exactly what was there.</summary>
public class BackupTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_backup_restores_every_value_after_the_database_was_changed(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await District.SetUpAsync(db, 3);
        await District.ImportValuesAsync(db, "s1,contingent.students,2024,120\ns2,contingent.students,2024,80\n");
        var file = Path.Combine(Directory.CreateTempSubdirectory("mera-backup-").FullName, provider == "sqlite" ? "mera.db" : "mera.dump");

        var backup = await Cli.OkAsync(db, "backup", file);
        Assert.Contains("data_values 2", backup.Out);
        Assert.True(new FileInfo(file).Length > 0);

        // Life goes on after the backup: a value changes, another is added.
        await District.ImportValuesAsync(db, "s1,contingent.students,2024,999\ns3,contingent.students,2024,50\n");
        var restore = await Cli.OkAsync(db, "restore", file);
        Assert.Contains("База восстановлена и проверена", restore.Out);
        Assert.Contains("data_values 2", restore.Out);

        await using var context = db.Db.CreateContext();
        var values = await context.DataValues.OrderBy(v => v.Value).Select(v => v.Value).ToListAsync();
        Assert.Equal([80d, 120d], values);
        // The restored database is a working one: the CLI computes on it.
        await Cli.OkAsync(db, "indicators", "--org", "m1", "--period", "2024", "--format", "json");
    }

    [Fact]
    public async Task A_file_that_is_not_a_backup_is_refused_and_the_database_is_left_alone()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await District.SetUpAsync(db, 1);
        var junk = Cli.WriteFile("junk.db", "это не база данных");
        var run = await Cli.RunAsync(db, "restore", junk);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("не является базой Mera", run.Error);
        await using var context = db.Db.CreateContext();
        Assert.Equal(3, await context.OrgUnits.CountAsync());
    }

    [Fact]
    public async Task Daily_backups_make_one_copy_a_day_and_keep_the_newest_ones()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await District.SetUpAsync(db, 2);
        var folder = Directory.CreateTempSubdirectory("mera-daily-").FullName;
        var foreign = Path.Combine(folder, "mera-before-upgrade.db");
        File.WriteAllText(foreign, "an administrator's own copy");
        for (var day = 1; day <= 5; day++)
        {
            var result = await Core.Features.Database.DailyBackup.RunAsync(db.Db, folder, keep: 3, new DateOnly(2026, 11, day));
            Assert.True(result.Created);
        }
        var again = await Core.Features.Database.DailyBackup.RunAsync(db.Db, folder, keep: 3, new DateOnly(2026, 11, 5));
        Assert.False(again.Created);

        var files = Directory.GetFiles(folder).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(["mera-2026-11-03.db", "mera-2026-11-04.db", "mera-2026-11-05.db", "mera-before-upgrade.db"], files);

        // The CLI form for cron: today's copy, restorable.
        var cli = await Cli.OkAsync(db, "backup", "--daily", folder, "--keep", "3");
        Assert.Contains("Резервная копия:", cli.Out);
        var today = Directory.GetFiles(folder, "mera-2*.db").Max()!;
        Assert.Contains("База восстановлена и проверена", (await Cli.OkAsync(db, "restore", today)).Out);
    }
}
