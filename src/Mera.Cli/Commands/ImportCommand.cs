using System.CommandLine;
using Mera.Core.Data;
using Mera.Core.Features.Imports;
using Mera.Core.Features.Values;
using Mera.Core.Reading;

namespace Mera.Cli.Commands;

internal static class ImportCommand
{
    private const int MaxLinesShown = 50;

    public static Command Create(CliContext cli)
    {
        var kind = new Argument<string>("kind")
        {
            Description = "Вид файла: " + string.Join("; ", ImportKinds.Values.Select(k => $"{k.Code} — {k.FileRu}")),
        };
        kind.AcceptOnlyFromAmong([.. ImportKinds.Values.Select(k => k.Code)]);
        var file = new Argument<FileInfo>("file") { Description = "Файл CSV, XLSX или XLS (для template — также папка или ZIP)" };
        var period = new Option<string?>("--period") { Description = "Период: 2024, 2024Q3, 2024-09, 2024-W05" };
        var org = new Option<string?>("--org") { Description = "Код организации: строки файла относятся к её подразделениям" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Проверить файл и показать изменения, ничего не записывая" };
        var skipUnmatched = new Option<bool>("--skip-unmatched") { Description = "Пропустить строки с ненайденными школами и нераспознанные столбцы, загрузить остальное" };
        var form = new Option<string?>("--form") { Description = "Для template: принимать только шаблоны этой формы" };
        var command = new Command("import", "Загрузить данные из файла") { kind, file, period, org, dryRun, skipUnmatched, form };
        command.SetAction(async (parse, ct) =>
        {
            var database = await cli.OpenDatabaseAsync(parse.GetValue(CliApp.DbOption), parse.GetValue(CliApp.ProviderOption));
            var path = parse.GetValue(file)!.FullName;
            var k = parse.GetValue(kind)!;
            RunImport.Command Request(IProgress<ImportProgress>? progress) => new(k, path, cli.User, parse.GetValue(period), parse.GetValue(org),
                parse.GetValue(dryRun), parse.GetValue(skipUnmatched), FormCode: parse.GetValue(form), Progress: progress);
            // The same pipeline as «Загрузки» in the web: one file, or many templates each accepted or refused alone.
            var outcomes = await CliProgress.RunAsync(cli, Path.GetFileName(path), progress => RunImport.RunAsync(database, Request(progress), cli.Clock, ct));
            if (k != ImportKinds.Template)
            {
                var single = outcomes.Single();
                await PrintAsync(cli, database, single.Saved ?? throw new ImportRefusedException(single.Errors), ct);
                return 0;
            }
            return await PrintTemplatesAsync(cli, database, outcomes, ct);
        });
        return command;
    }

    private static async Task<int> PrintTemplatesAsync(CliContext cli, MeraDb database, IReadOnlyList<RunImport.FileOutcome> files, CancellationToken ct)
    {
        foreach (var file in files)
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
        var refused = files.Count(f => f.Refused);
        await cli.Out.WriteLineAsync($"Файлов: {files.Count}, принято {files.Count - refused}, отклонено {refused}.");
        return refused > 0 ? 1 : 0;
    }

    public static async Task PrintAsync(CliContext cli, MeraDb database, ValueWrite.Result result, CancellationToken ct)
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
