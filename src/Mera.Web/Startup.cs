using Mera.Core.Data;
using Mera.Core.Features.Database;
using Mera.Core.Features.Demo;
using Mera.Core.Features.Users;
using Microsoft.EntityFrameworkCore;

namespace Mera.Web;

/// <summary>The embedded database is migrated on start and, when empty, filled with the demo so the first run shows something true.</summary>
public static class Startup
{
    public static async Task PrepareDatabaseAsync(IServiceProvider services, ILogger logger)
    {
        var database = services.GetRequiredService<MeraDb>();
        logger.LogInformation("Database: {Database}", database.Settings.Describe());
        if (Core.Features.Imports.TemplateInputs.SweepStale(TimeProvider.System) is > 0 and var swept)
        {
            logger.LogWarning("Removed {Count} archive folders left in the temp folder by an earlier crash", swept);
        }
        if (!database.Settings.IsEmbedded)
        {
            return; // PostgreSQL is migrated explicitly: ./mera db migrate
        }
        await MigrateDatabase.RunAsync(database);
        await using var db = database.CreateContext();
        if (!await db.OrgUnits.AnyAsync())
        {
            var result = await LoadDemo.RunAsync(database, services.GetRequiredService<TimeProvider>());
            logger.LogInformation("Demo data loaded: {Orgs} org units, {Values} values", result.OrgUnits, result.ValuesWritten);
        }
        await PrintDemoAccountsAsync(database, logger);
    }

    private static async Task PrintDemoAccountsAsync(MeraDb database, ILogger logger)
    {
        if (!await DemoUsers.AnyAsync(database))
        {
            return;
        }
        var lines = DemoUsers.Accounts.Select(a => $"  {a.Login,-8} {a.Role,-13} {a.Org}");
        logger.LogInformation("Demo accounts (password {Password}):\n{Accounts}", DemoUsers.Password, string.Join("\n", lines));
    }
}

public static class HealthCheck
{
    public static async Task<IResult> RunAsync(MeraDb database, CancellationToken ct)
    {
        try
        {
            await using var db = database.CreateContext();
            return await db.Database.CanConnectAsync(ct) && await db.DataElements.AnyAsync(ct)
                ? Results.Ok(new { status = "ok" })
                : Results.Json(new { status = "database not ready" }, statusCode: 503);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Results.Json(new { status = "database unavailable" }, statusCode: 503);
        }
    }
}
