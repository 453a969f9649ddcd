using System.CommandLine;
using Mera.Core.Data;
using Mera.Core.Features.Imports;
using Mera.Core.Features.Values;

namespace Mera.Cli.Commands;

internal static class ImportCommand
{
    private const int MaxLinesShown = 50;

    public static Command Create(CliContext cli)
    {
        var kind = new Argument<string>("kind")
        {
            Description = "Вид файла: values (org,element,period,value), educont, sferum, myschool, openschool, template",
        };
        kind.AcceptOnlyFromAmong("values", "educont", "sferum", "myschool", "openschool", "template");
        var file = new Argument<FileInfo>("file") { Description = "Файл CSV, XLSX или XLS (для template — также папка или ZIP)" };
        var period = new Option<string?>("--period") { Description = "Период: 2024, 2024Q3, 2024-09, 2024-W05" };
        var org = new Option<string?>("--org") { Description = "Код организации: строки файла относятся к её подразделениям" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Проверить файл и показать изменения, ничего не записывая" };
        var skipUnmatched = new Option<bool>("--skip-unmatched") { Description = "Пропустить строки с ненайденными школами и загрузить остальные" };
        var form = new Option<string?>("--form") { Description = "Для template: принимать только шаблоны этой формы" };
        var command = new Command("import", "Загрузить данные из файла") { kind, file, period, org, dryRun, skipUnmatched, form };
        command.SetAction(async (parse, ct) =>
        {
            var database = await cli.OpenDatabaseAsync(parse.GetValue(CliApp.DbOption), parse.GetValue(CliApp.ProviderOption));
            var path = parse.GetValue(file)!.FullName;
            var k = parse.GetValue(kind)!;
            bool dry = parse.GetValue(dryRun), skip = parse.GetValue(skipUnmatched);
            string? p = parse.GetValue(period), o = parse.GetValue(org);
            if (k == "template")
            {
                return await ImportTemplatesAsync(cli, database, new ImportTemplates.Command(path, cli.User, o, p, parse.GetValue(form), dry), ct);
            }
            var result = await CliProgress.RunAsync(cli, Path.GetFileName(path), progress => k switch
            {
                "values" => ImportValues.RunAsync(database, new ImportValues.Command(path, cli.User, p, o, dry, Progress: progress), cli.Clock, ct),
                "openschool" => ImportOpenSchoolForm.RunAsync(database, new ImportOpenSchoolForm.Command(path, cli.User, p, o, dry), cli.Clock, ct),
                _ => ImportPlatformExport.RunAsync(database, new ImportPlatformExport.Command(k, path, cli.User, p, o, dry, skip, Progress: progress), cli.Clock, ct),
            });
            await PrintAsync(cli, database, result, ct);
            return 0;
        });
        return command;
    }

    private static async Task<int> ImportTemplatesAsync(CliContext cli, MeraDb database, ImportTemplates.Command command, CancellationToken ct)
    {
        var result = await ImportTemplates.RunAsync(database, command, cli.Clock, ct);
        foreach (var file in result.Files)
        {
            await cli.Out.WriteLineAsync($"— {file.File}");
            if (file.Saved is { } saved)
            {
                await PrintAsync(cli, database, saved, ct);
                continue;
            }
            foreach (var issue in file.Errors)
            {
                await cli.Error.WriteLineAsync(CliFormat.Issue(issue));
            }
            await cli.Out.WriteLineAsync("  Файл отклонён, ничего не изменено.");
        }
        await cli.Out.WriteLineAsync($"Файлов: {result.Files.Count}, принято {result.Files.Count - result.Refused}, отклонено {result.Refused}.");
        return result.Refused > 0 ? 1 : 0;
    }

    public static async Task PrintAsync(CliContext cli, MeraDb database, SaveValueBatch.Result result, CancellationToken ct)
    {
        // A file of thousands of rows can raise thousands of warnings: show the first ones and the count.
        foreach (var warning in result.Warnings.Take(MaxLinesShown))
        {
            await cli.Error.WriteLineAsync($"Предупреждение: {warning}");
        }
        if (result.Warnings.Count > MaxLinesShown)
        {
            await cli.Error.WriteLineAsync($"… и ещё предупреждений: {result.Warnings.Count - MaxLinesShown}");
        }
        foreach (var note in result.Notes)
        {
            await cli.Out.WriteLineAsync(note);
        }
        if (result.DryRun)
        {
            foreach (var line in await DescribeChanges.RunAsync(database, result.Changes, MaxLinesShown, ct))
            {
                await cli.Out.WriteLineAsync($"  будет изменено: {line}");
            }
            if (result.Changes.Count > MaxLinesShown)
            {
                await cli.Out.WriteLineAsync($"  … и ещё изменений: {result.Changes.Count - MaxLinesShown}");
            }
        }
        var prefix = result.DryRun ? "Проверка (без записи): "
            : result.BatchId is long id ? $"Загрузка № {id}: "
            : "Изменений нет, данные уже загружены: ";
        var written = result.DryRun ? "будет записано" : "значений записано";
        await cli.Out.WriteLineAsync($"{prefix}строк прочитано {result.RowsRead}, {written} {result.ValuesWritten}, без изменений {result.Unchanged}, пропущено строк {result.Skipped}, предупреждений {result.Warnings.Count}.");
    }
}
