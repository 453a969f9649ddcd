using Mera.Core.Reading;
using Spectre.Console;

namespace Mera.Cli;

/// <summary>
/// A progress bar for imports on a terminal: the share of the file read and the rows so far. Small files finish
/// before it draws; plain output when redirected, as in CI and scripts.
/// </summary>
internal static class CliProgress
{
    public static async Task<T> RunAsync<T>(CliContext cli, string title, Func<IProgress<ImportProgress>?, Task<T>> work)
    {
        if (cli.Out != Console.Out || Console.IsOutputRedirected)
        {
            return await work(null);
        }
        T result = default!;
        await cli.Console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(Markup.Escape($"Чтение {title}"), maxValue: 100);
                var progress = new Progress<ImportProgress>(p =>
                {
                    task.Value = Math.Round(p.Fraction * 100, 1);
                    task.Description = Markup.Escape(p.Fraction >= 1
                        ? $"Проверка и запись {title}: строк {p.Rows.ToString("N0", Mera.Core.Formatting.RussianFormat.Culture)}"
                        : $"Чтение {title}: строк {p.Rows.ToString("N0", Mera.Core.Formatting.RussianFormat.Culture)}");
                });
                result = await work(progress);
            });
        return result;
    }
}
