using Mera.Core.Data;
using Spectre.Console;

namespace Mera.Cli;

/// <summary>What every command gets: where to write, which database, who is acting.</summary>
public sealed class CliContext(TextWriter output, TextWriter error, IAnsiConsole console, TimeProvider clock)
{
    public TextWriter Out { get; } = output;
    public TextWriter Error { get; } = error;
    public IAnsiConsole Console { get; } = console;
    /// <summary>The system clock, or the one started at MERA_NOW; tests pass their own.</summary>
    public TimeProvider Clock { get; } = clock;
    public string User { get; } = $"cli:{Environment.UserName}";

    /// <summary>Opens the configured database; the embedded one is migrated on first use so `./mera demo` just works.</summary>
    public async Task<MeraDb> OpenDatabaseAsync(string? db, string? provider, bool migrate = true)
    {
        var database = new MeraDb(DbSettings.Resolve(db, provider));
        if (migrate && await MigrationStatus.IsBehindAsync(database))
        {
            if (!database.Settings.IsEmbedded)
            {
                throw new CliRefusal("База данных не подготовлена: выполните ./mera db migrate");
            }
            await Mera.Core.Features.Database.MigrateDatabase.RunAsync(database);
        }
        MigrationStatus.WarmUpModel(database);
        return database;
    }

    /// <summary>
    /// For commands that only read (indicators, report, the lists): a standby of `MERA_DB_READ` when one is usable, else
    /// the primary. Its schema is checked where the reading happens, so a stopped primary does not stop the reading.
    /// </summary>
    public async Task<MeraDb> OpenReadDatabaseAsync(System.CommandLine.ParseResult parse)
    {
        var (db, provider) = (parse.GetValue(CliApp.DbOption), parse.GetValue(CliApp.ProviderOption));
        var primary = new MeraDb(DbSettings.Resolve(db, provider, parse.GetValue(CliApp.DbReadOption)));
        var replicas = new ReadReplicas(primary, Clock);
        if (!replicas.Any)
        {
            return await OpenDatabaseAsync(db, provider);
        }
        var database = await replicas.ForReadingAsync();
        if (await MigrationStatus.IsBehindAsync(database))
        {
            throw new CliRefusal("База данных не подготовлена: выполните ./mera db migrate");
        }
        MigrationStatus.WarmUpModel(database);
        return database;
    }
}

/// <summary>Input refused with a Russian message: exit code 1.</summary>
public sealed class CliRefusal(string message) : Exception(message);
