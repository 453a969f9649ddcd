using System.CommandLine;
using Mera.Cli.Commands;
using Mera.Core.Features.Indicators;
using Mera.Core.Reading;
using Spectre.Console;

namespace Mera.Cli;

/// <summary>`./mera`: exit 0 on success, 1 on refused input (Russian message on stderr), 2 on a usage error.</summary>
public static class CliApp
{
    public static readonly Option<string?> DbOption = new("--db") { Description = "База данных: путь к файлу SQLite или строка подключения PostgreSQL (Host=…); по умолчанию MERA_DB или data/mera.db", Recursive = true };
    public static readonly Option<string?> ProviderOption = new("--provider") { Description = "Провайдер: sqlite или postgres (по умолчанию MERA_DB_PROVIDER или по строке подключения)", Recursive = true };

    public static readonly Option<string?> DbReadOption = new("--db-read") { Description = "Копии PostgreSQL для чтения (строки подключения через «|»): показатели, отчёты и списки читаются с них; по умолчанию MERA_DB_READ", Recursive = true };

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TimeProvider? clock = null)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = output == Console.Out && !Console.IsOutputRedirected ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = output == Console.Out && !Console.IsOutputRedirected ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        var context = new CliContext(output, error, console, clock ?? Mera.Core.Domain.Clock.FromEnvironment());
        var root = new RootCommand("Mera — мониторинг цифровой зрелости и цифровой образовательной среды школ")
        {
            DbOption, ProviderOption, DbReadOption,
            DbCommands.Create(context),
            DemoCommand.Create(context),
            OrgsCommands.Create(context),
            ImportCommand.Create(context),
            ImportsCommands.Create(context),
            TemplateCommand.Create(context),
            UsersCommands.Create(context),
            PlanCommands.Roadmap(context),
            PlanCommands.Decisions(context),
            AgreementCommands.Create(context),
            TargetsCommands.Create(context),
            IndicatorsCommand.Create(context),
            ReportCommand.Create(context),
            SubmissionsCommands.Create(context),
            RemindersCommand.Create(context),
            BackupCommands.Backup(context),
            BackupCommands.Restore(context),
            AuditCommand.Create(context),
            CatalogCommands.Create(context),
            TotalsCommand.Create(context),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors)
            {
                await error.WriteLineAsync($"Ошибка в командной строке: {e.Message}");
            }
            await error.WriteLineAsync("Справка: ./mera --help");
            return 2;
        }
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (ImportRefusedException refused)
        {
            foreach (var issue in refused.Issues)
            {
                await error.WriteLineAsync(CliFormat.Issue(issue));
            }
            await error.WriteLineAsync($"Файл отклонён, ничего не изменено (ошибок: {refused.Issues.Count(i => i.Severity == IssueSeverity.Error)}).");
            return 1;
        }
        catch (Exception ex) when (ex is CliRefusal || Errors.IsRefusal(ex))
        {
            await error.WriteLineAsync($"Ошибка: {ex.Message}");
            return 1;
        }
        catch (Exception ex) when (Errors.IsBadInput(ex))
        {
            await error.WriteLineAsync($"Ошибка в параметрах: {ex.Message}");
            return 2;
        }
        catch (Npgsql.NpgsqlException ex) when (ex.InnerException is System.Net.Sockets.SocketException or TimeoutException)
        {
            // The server is down or out of reach (a primary stopped for a failover): a sentence, not a stack trace.
            await error.WriteLineAsync($"Ошибка: нет связи с сервером базы данных ({ex.Message}). Проверьте, что PostgreSQL запущен "
                + "и доступен; чтение показателей, отчётов и списков можно вести с копии (MERA_DB_READ или --db-read).");
            return 1;
        }
    }
}
