using System.CommandLine;
using Mera.Core.Features.Database;

namespace Mera.Cli.Commands;

/// <summary>`./mera backup FILE` and `./mera restore FILE`, each checked by comparing row counts.</summary>
internal static class BackupCommands
{
    public static Command Backup(CliContext cli)
    {
        var file = new Argument<FileInfo>("file") { Description = "Файл резервной копии (SQLite: копия базы; PostgreSQL: архив pg_dump)" };
        var command = new Command("backup", "Резервная копия базы данных с проверкой, что она читается") { file };
        command.SetAction(async (parse, ct) =>
        {
            var database = await cli.OpenDatabaseAsync(parse.GetValue(CliApp.DbOption), parse.GetValue(CliApp.ProviderOption));
            var result = await BackupDatabase.RunAsync(database, parse.GetValue(file)!.FullName, ct);
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
