using Spectre.Console;

namespace Mera.Cli;

/// <summary>
/// A progress bar for long imports on a terminal (rows read so far; the total of a streamed file is unknown, so
/// the bar tracks the file's bytes when it can); plain output when redirected, as in CI and scripts.
/// </summary>
internal static class CliProgress
{
    public static async Task<T> RunAsync<T>(CliContext cli, string title, Func<IProgress<int>?, Task<T>> work)
    {
        if (cli.Out != Console.Out || Console.IsOutputRedirected)
        {
            return await work(null);
        }
        T result = default!;
        await cli.Console.Progress()
            .Columns(new TaskDescriptionColumn(), new SpinnerColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask($"Чтение {title}").IsIndeterminate();
                var progress = new Progress<int>(rows => task.Description = $"Чтение {title}: строк {rows:N0}");
                result = await work(progress);
                task.StopTask();
            });
        return result;
    }
}
