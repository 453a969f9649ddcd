using System.CommandLine;
using Mera.Core.Features.Imports;
using Mera.Core.Formatting;
using Spectre.Console;

namespace Mera.Cli.Commands;

/// <summary>`./mera imports list|show|undo`: the journal of import batches.</summary>
internal static class ImportsCommands
{
    public static Command Create(CliContext cli)
    {
        var imports = new Command("imports", "Журнал загрузок: просмотр и отмена");
        imports.Subcommands.Add(List(cli));
        imports.Subcommands.Add(Show(cli));
        imports.Subcommands.Add(Undo(cli));
        return imports;
    }

    private static Command List(CliContext cli)
    {
        var org = new Option<string?>("--org") { Description = "Только загрузки для этой организации и её подразделений" };
        var limit = new Option<int>("--limit") { Description = "Сколько последних загрузок показать", DefaultValueFactory = _ => 50 };
        var format = new Option<string>("--format") { Description = "table или json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("list", "Последние загрузки") { org, limit, format };
        command.SetAction(async (parse, ct) =>
        {
            var database = await cli.OpenReadDatabaseAsync(parse);
            var items = await ListImports.RunAsync(database, new ListImports.Query(parse.GetValue(org), parse.GetValue(limit)), ct);
            if (parse.GetValue(format) == "json")
            {
                await CliFormat.WriteJsonAsync(cli.Out, items);
                return 0;
            }
            var table = new Table().AddColumns("№", "Вид", "Файл", "Период", "Организация", "Когда, кто", "Значения", "Состояние");
            foreach (var i in items)
            {
                table.AddRow(i.Id.ToString(), i.Kind, Markup.Escape(i.FileName), i.Period ?? "", i.Org ?? "",
                    Markup.Escape($"{When(i.ImportedAt)} {i.ImportedBy}"),
                    $"записано {i.ValuesWritten}, без изм. {i.Unchanged}, строк {i.RowsRead}, пропущено {i.Skipped}, предупр. {i.Warnings}",
                    State(i));
            }
            cli.Console.Write(table);
            if (items.Count == 0)
            {
                await cli.Out.WriteLineAsync("Загрузок нет.");
            }
            return 0;
        });
        return command;
    }

    private static Command Show(CliContext cli)
    {
        var id = new Argument<long>("id") { Description = "Номер загрузки" };
        var command = new Command("show", "Подробности загрузки: счётчики, предупреждения, пропуски") { id };
        command.SetAction(async (parse, ct) =>
        {
            var database = await cli.OpenReadDatabaseAsync(parse);
            var item = (await ListImports.RunAsync(database, new ListImports.Query(Id: parse.GetValue(id)), ct)).SingleOrDefault()
                ?? throw new Mera.Core.NotFoundException($"Загрузка № {parse.GetValue(id)} не найдена");
            await cli.Out.WriteLineAsync($"Загрузка № {item.Id}: {item.Kind}, файл {item.FileName}");
            await cli.Out.WriteLineAsync($"SHA-256: {item.Sha256}");
            await cli.Out.WriteLineAsync($"Период: {item.Period ?? "—"}; организация: {item.Org ?? "—"}; {item.ImportedBy}, {When(item.ImportedAt)}");
            await cli.Out.WriteLineAsync($"Строк прочитано {item.RowsRead}, значений записано {item.ValuesWritten}, без изменений {item.Unchanged}, пропущено строк {item.Skipped}, предупреждений {item.Warnings}. {State(item)}");
            foreach (var line in item.Issues)
            {
                await cli.Out.WriteLineAsync(line);
            }
            return 0;
        });
        return command;
    }

    private static Command Undo(CliContext cli)
    {
        var id = new Argument<long>("id") { Description = "Номер загрузки" };
        var command = new Command("undo", "Отменить загрузку: вернуть значения, которые она заменила") { id };
        command.SetAction(async (parse, ct) =>
        {
            var database = await cli.OpenDatabaseAsync(parse.GetValue(CliApp.DbOption), parse.GetValue(CliApp.ProviderOption));
            var result = await UndoImport.RunAsync(database, new UndoImport.Command(parse.GetValue(id), cli.User), cli.Clock, ct);
            await cli.Out.WriteLineAsync($"Загрузка № {parse.GetValue(id)} отменена (запись № {result.UndoBatchId}): восстановлено значений {result.Restored}, удалено {result.Removed}.");
            return 0;
        });
        return command;
    }

    private static string When(DateTimeOffset at) =>
        RussianFormat.Moment(at);

    private static string State(ListImports.Item i) =>
        i.UndoneAt is { } at ? $"отменена {When(at)}" : i.UndoOfBatchId is long of ? $"отмена № {of}" : "действует";
}
