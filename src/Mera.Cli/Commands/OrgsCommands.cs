using System.CommandLine;
using Mera.Core.Features.Orgs;

namespace Mera.Cli.Commands;

internal static class OrgsCommands
{
    public static Command Create(CliContext cli)
    {
        var file = new Argument<FileInfo>("file") { Description = "Файл реестра (CSV, XLSX, XLS): code,name,type,parent_code,inn,kpp,ogrn,address,is_rural,is_branch,email" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Проверить файл, ничего не записывая" };
        var import = new Command("import", "Загрузить реестр организаций") { file, dryRun };
        import.SetAction(async (parse, ct) =>
        {
            var database = await cli.OpenDatabaseAsync(parse.GetValue(CliApp.DbOption), parse.GetValue(CliApp.ProviderOption));
            var result = await ImportOrgs.RunAsync(database, new ImportOrgs.Command(parse.GetValue(file)!.FullName, parse.GetValue(dryRun)), ct);
            var prefix = parse.GetValue(dryRun) ? "Проверка (без записи): " : "";
            await cli.Out.WriteLineAsync($"{prefix}строк {result.RowsRead}; добавлено {result.Added}, изменено {result.Updated}, без изменений {result.Unchanged}.");
            return 0;
        });
        return new Command("orgs", "Организации") { import };
    }
}
