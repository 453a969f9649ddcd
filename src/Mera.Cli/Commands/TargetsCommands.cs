using System.CommandLine;
using Mera.Core.Features.Targets;

namespace Mera.Cli.Commands;

internal static class TargetsCommands
{
    public static Command Create(CliContext cli)
    {
        var file = new Argument<FileInfo>("file") { Description = "Файл плановых значений: org,indicator,year,value[,base_value,base_date]" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Проверить файл, ничего не записывая" };
        var import = new Command("import", "Загрузить плановые значения показателей") { file, dryRun };
        import.SetAction(async (parse, ct) =>
        {
            var database = await cli.OpenDatabaseAsync(parse.GetValue(CliApp.DbOption), parse.GetValue(CliApp.ProviderOption));
            var result = await ImportTargets.RunAsync(database, new ImportTargets.Command(parse.GetValue(file)!.FullName, cli.User, parse.GetValue(dryRun)), cli.Clock, ct);
            await cli.Out.WriteLineAsync($"Строк {result.RowsRead}; добавлено {result.Added}, изменено {result.Updated}, без изменений {result.Unchanged}.");
            return 0;
        });
        return new Command("targets", "Плановые значения показателей") { import };
    }
}
