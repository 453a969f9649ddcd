using System.CommandLine;
using Mera.Core.Features.Values;
using Mera.Core.Imports;
using Spectre.Console;

namespace Mera.Cli.Commands;

internal static class ImportCommand
{
    private const int MaxWarningsShown = 50;

    public static Command Create(CliContext cli)
    {
        var kind = new Argument<string>("kind") { Description = "Вид файла: values (org,element,period,value)" };
        kind.AcceptOnlyFromAmong("values");
        var file = new Argument<FileInfo>("file") { Description = "Файл CSV, XLSX или XLS" };
        var period = new Option<string?>("--period") { Description = "Период, если в файле нет столбца period: 2024, 2024Q3, 2024-09, 2024-W05" };
        var org = new Option<string?>("--org") { Description = "Код организации: все строки файла должны относиться к ней" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Проверить файл, ничего не записывая" };
        var command = new Command("import", "Загрузить данные из файла") { kind, file, period, org, dryRun };
        command.SetAction(async (parse, ct) =>
        {
            var database = await cli.OpenDatabaseAsync(parse.GetValue(CliApp.DbOption), parse.GetValue(CliApp.ProviderOption));
            var path = parse.GetValue(file)!.FullName;
            var result = await WithProgress(cli, Path.GetFileName(path), progress => ImportValues.RunAsync(database,
                new ImportValues.Command(path, cli.User, parse.GetValue(period), parse.GetValue(org), parse.GetValue(dryRun), Progress: progress), cli.Clock, ct));
            // A file of thousands of rows can raise thousands of warnings: show the first ones and the count.
            foreach (var warning in result.Warnings.Take(MaxWarningsShown))
            {
                await cli.Error.WriteLineAsync($"Предупреждение: {warning}");
            }
            if (result.Warnings.Count > MaxWarningsShown)
            {
                await cli.Error.WriteLineAsync($"… и ещё предупреждений: {result.Warnings.Count - MaxWarningsShown}");
            }
            var prefix = result.DryRun ? "Проверка (без записи): " : $"Загрузка № {result.BatchId}: ";
            await cli.Out.WriteLineAsync($"{prefix}строк прочитано {result.RowsRead}, значений записано {result.ValuesWritten}, без изменений {result.Unchanged}, пропущено {result.Skipped}, предупреждений {result.Warnings.Count}.");
            return 0;
        });
        return command;
    }

    /// <summary>A progress bar on a terminal; plain output when redirected (CI, scripts).</summary>
    private static async Task<T> WithProgress<T>(CliContext cli, string title, Func<IProgress<int>?, Task<T>> work)
    {
        if (cli.Out != Console.Out || Console.IsOutputRedirected)
        {
            return await work(null);
        }
        T result = default!;
        await cli.Console.Status().StartAsync($"Чтение {title}…", async status =>
        {
            var progress = new Progress<int>(rows => status.Status($"Чтение {title}: строк {rows:N0}"));
            result = await work(progress);
        });
        return result;
    }
}
