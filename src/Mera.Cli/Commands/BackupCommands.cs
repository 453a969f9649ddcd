using Mera.Core.Domain;
using System.CommandLine;
using Mera.Core.Features.Database;

namespace Mera.Cli.Commands;

/// <summary>`./mera backup FILE` and `./mera restore FILE`, each checked by comparing row counts.</summary>
internal static class BackupCommands
{
    public static Command Backup(CliContext cli)
    {
        var file = new Argument<FileInfo?>("file") { Description = "Файл резервной копии (SQLite: копия базы; PostgreSQL: архив pg_dump)", Arity = ArgumentArity.ZeroOrOne };
        var daily = new Option<DirectoryInfo?>("--daily") { Description = "Ежедневная копия в папку (mera-ГГГГ-ММ-ДД.db или .dump), старые сверх --keep удаляются" };
        var keep = new Option<int>("--keep") { Description = "Сколько ежедневных копий хранить", DefaultValueFactory = _ => 14 };
        var command = new Command("backup", "Резервная копия базы данных с проверкой, что она читается") { file, daily, keep };
        command.SetAction(async (parse, ct) =>
        {
            var database = await cli.OpenDatabaseAsync(parse.GetValue(CliApp.DbOption), parse.GetValue(CliApp.ProviderOption));
            if (parse.GetValue(daily) is { } folder)
            {
                var rotated = await DailyBackup.RunAsync(database, folder.FullName, parse.GetValue(keep),
                    cli.Clock.Today(), ct);
                await cli.Out.WriteLineAsync(rotated.Created ? $"Резервная копия: {rotated.File}." : $"Копия за сегодня уже есть: {rotated.File}.");
                await cli.Out.WriteLineAsync($"Удалено старых копий: {rotated.Removed.Count}.");
                return 0;
            }
            var target = parse.GetValue(file) ?? throw new CliRefusal("Укажите файл резервной копии или --daily ПАПКА");
            var result = await BackupDatabase.RunAsync(database, target.FullName, ct);
            await cli.Out.WriteLineAsync($"Резервная копия: {result.File} ({result.Bytes / 1024.0 / 1024:0.0} МБ).");
            await cli.Out.WriteLineAsync($"Записей: {DatabaseCounts.Describe(result.Counts)}.");
            return 0;
        });
        return command;
    }

    public static Command Restore(CliContext cli)
    {
        var file = new Argument<FileInfo>("file") { Description = "Файл, сделанный ./mera backup" };
        var command = new Command("restore", "Восстановить базу из резервной копии (остановите веб-приложение)") { file };
        command.SetAction(async (parse, ct) =>
        {
            var database = await cli.OpenDatabaseAsync(parse.GetValue(CliApp.DbOption), parse.GetValue(CliApp.ProviderOption), migrate: false);
            var result = await RestoreDatabase.RunAsync(database, parse.GetValue(file)!.FullName, cli.Clock, ct);
            if (result.PreviousCopy is not null)
            {
                await cli.Out.WriteLineAsync($"Прежняя база сохранена: {result.PreviousCopy}");
            }
            await cli.Out.WriteLineAsync($"База восстановлена и проверена. Записей: {DatabaseCounts.Describe(result.Counts)}.");
            return 0;
        });
        return command;
    }
}
