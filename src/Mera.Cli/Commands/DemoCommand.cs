using System.CommandLine;
using Mera.Core.Features.Demo;

namespace Mera.Cli.Commands;

internal static class DemoCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("demo", "Загрузить демонстрационные данные «Демонстрационная область» (повторный запуск ничего не меняет)");
        command.SetAction(async (parse, ct) =>
        {
            var database = await cli.OpenDatabaseAsync(parse.GetValue(CliApp.DbOption), parse.GetValue(CliApp.ProviderOption));
            var result = await LoadDemo.RunAsync(database, cli.Clock, ct);
            await cli.Out.WriteLineAsync($"Демонстрационные данные загружены: организаций {result.OrgUnits}, записано значений {result.ValuesWritten}, плановых значений {result.Targets}.");
            return 0;
        });
        return command;
    }
}
