using System.CommandLine;
using Mera.Core.Features.Database;

namespace Mera.Cli.Commands;

internal static class DbCommands
{
    public static Command Create(CliContext cli)
    {
        var migrate = new Command("migrate", "Создать или обновить схему базы данных и загрузить встроенный справочник");
        migrate.SetAction(async (parse, ct) =>
        {
            var database = await cli.OpenDatabaseAsync(parse.GetValue(CliApp.DbOption), parse.GetValue(CliApp.ProviderOption), migrate: false);
            var result = await MigrateDatabase.RunAsync(database, ct);
            await cli.Out.WriteLineAsync($"База данных: {database.Settings.Describe()}");
            await cli.Out.WriteLineAsync(result.Applied.Count == 0 ? "Схема актуальна." : $"Применены миграции: {string.Join(", ", result.Applied)}");
            var c = result.Catalog;
            await cli.Out.WriteLineAsync($"Справочник: добавлено подпоказателей {c.ElementsAdded}, показателей {c.IndicatorsAdded}, версий формул {c.FormulasAdded}, форм {c.FormsAdded}; обновлено записей {c.Updated}.");
            return 0;
        });
        return new Command("db", "Обслуживание базы данных") { migrate };
    }
}
