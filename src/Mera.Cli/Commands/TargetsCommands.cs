using Mera.Core.Features.Imports;
using System.CommandLine;
using Mera.Core.Features.Targets;

namespace Mera.Cli.Commands;

internal static class TargetsCommands
{
    public static Command Create(CliContext cli)
    {
        var file = new Argument<FileInfo>("file")
        {
            Description = "Плановые значения: список org,indicator,year,value[,base_value,base_date] или таблица региона (показатель, строки муниципалитетов, столбцы по годам)",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Проверить файл и показать, как поняты названия показателей, ничего не записывая" };
        var table = PlanCommands.Table();
        var importOrg = new Option<string?>("--org") { Description = "Код региона или муниципалитета, чья это таблица (для таблицы с названиями муниципалитетов)" };
        var map = new Option<string[]>("--map")
        {
            Description = "Соответствие «фрагмент названия=код показателя» для названия, которое не распознано (можно несколько)",
            AllowMultipleArgumentsPerToken = false,
        };
        var fromYear = new Option<int?>("--from-year") { Description = "Загрузить годы начиная с этого (более ранние столбцы пропустить)" };
        var import = new Command("import", "Загрузить: " + ImportKinds.Get("targets").TitleRu) { file, dryRun, table, importOrg, map, fromYear };
        import.SetAction(async (parse, ct) =>
        {
            var database = await cli.OpenDatabaseAsync(parse.GetValue(CliApp.DbOption), parse.GetValue(CliApp.ProviderOption));
            var result = await ImportTargets.RunAsync(database, new ImportTargets.Command(parse.GetValue(file)!.FullName, cli.User, parse.GetValue(dryRun))
            {
                Table = parse.GetValue(table), OrgCode = parse.GetValue(importOrg), Maps = parse.GetValue(map) ?? [],
                FromYear = parse.GetValue(fromYear),
            }, cli.Clock, ct);
            foreach (var line in result.Matches.Concat(result.Notes))
            {
                await cli.Out.WriteLineAsync(line);
            }
            var prefix = parse.GetValue(dryRun) ? "Проверка, ничего не записано. " : "";
            await cli.Out.WriteLineAsync($"{prefix}Строк {result.RowsRead}; добавлено {result.Added}, изменено {result.Updated}, без изменений {result.Unchanged}.");
            return 0;
        });
        return new Command("targets", "Плановые значения показателей") { import, Set(cli) };
    }

    private static Command Set(CliContext cli)
    {
        var org = new Option<string>("--org") { Description = "Код организации (для --each-school — муниципалитета)", Required = true };
        var indicator = new Option<string>("--indicator") { Description = "Код показателя", Required = true };
        var year = new Option<int>("--year") { Description = "Год", Required = true };
        var value = new Option<double>("--value") { Description = "Плановое значение (для процентов — в процентах, 70 = 70 %)", Required = true };
        var eachSchool = new Option<bool>("--each-school") { Description = "Правило для каждой школы организации («не менее 70 % в каждом ОУ»)" };
        var baseValue = new Option<double?>("--base-value") { Description = "Базовое значение" };
        var baseDate = new Option<string?>("--base-date") { Description = "Дата базового значения, ДД.ММ.ГГГГ" };
        var cumulative = new Option<bool>("--cumulative") { Description = "Нарастающим итогом" };
        var set = new Command("set", "Установить плановое значение (или правило для всех школ)") { org, indicator, year, value, eachSchool, baseValue, baseDate, cumulative };
        set.SetAction(async (parse, ct) =>
        {
            var database = await cli.OpenDatabaseAsync(parse.GetValue(CliApp.DbOption), parse.GetValue(CliApp.ProviderOption));
            var date = CliFormat.Date(parse.GetValue(baseDate));
            var result = await SetTargets.RunAsync(database, new SetTargets.Command(parse.GetValue(org)!, parse.GetValue(indicator)!, parse.GetValue(year),
                parse.GetValue(value), parse.GetValue(eachSchool), parse.GetValue(baseValue), date, parse.GetValue(cumulative), cli.User), cli.Clock, ct);
            await cli.Out.WriteLineAsync($"Плановых значений: добавлено {result.Added}, изменено {result.Updated}, без изменений {result.Unchanged}.");
            return 0;
        });
        return set;
    }
}
