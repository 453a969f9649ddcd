using Mera.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mera.IntegrationTests.Imports;

/// <summary>The CLI's start-up check reads the migration history itself (ADR 0018): it must agree with EF's migrator.</summary>
public class MigrationStatusTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_database_is_behind_until_every_known_migration_is_applied(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        Assert.True(await MigrationStatus.IsBehindAsync(db.Db)); // empty: no history table yet

        await using (var context = db.Db.CreateContext())
        {
            var all = context.Database.GetMigrations().ToList();
            await context.GetService<IMigrator>().MigrateAsync(all[^2]);
            Assert.True(await MigrationStatus.IsBehindAsync(db.Db)); // one behind
            await context.Database.MigrateAsync();
        }
        Assert.False(await MigrationStatus.IsBehindAsync(db.Db));
    }

    [Fact]
    public async Task The_cli_migrates_an_embedded_database_on_first_use_and_refuses_a_server_one_behind()
    {
        await using var sqlite = await TestDatabase.CreateAsync("sqlite");
        var run = await Cli.OkAsync(sqlite, "orgs", "import", Cli.WriteFile("orgs.csv", District.Registry(1)));
        Assert.Contains("добавлено 3", run.Out); // region, municipality, school
        Assert.False(await MigrationStatus.IsBehindAsync(sqlite.Db));

        if (string.IsNullOrEmpty(TestDatabase.PostgresBase))
        {
            return; // the server half runs under ./test.sh
        }
        await using var postgres = await TestDatabase.CreateAsync("postgres");
        var refused = await Cli.RunAsync(postgres, "orgs", "import", Cli.WriteFile("orgs.csv", District.Registry(1)));
        Assert.Equal(1, refused.ExitCode);
        Assert.True(refused.Error.Contains("База данных не подготовлена: выполните ./mera db migrate"), refused.Error + refused.Out);
    }
}

/// <summary>The import reads elements without EF (ADR 0018): the hand-written mapping must read what EF reads.</summary>
public class ElementRowsTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Elements_read_by_hand_equal_those_read_by_ef(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await Cli.OkAsync(db, "db", "migrate");
        var byHand = await ElementRows.ByCodeAsync(db.Db, default);
        await using var context = db.Db.CreateContext();
        var byEf = await context.DataElements.AsNoTracking().ToDictionaryAsync(e => e.Code);
        Assert.Equal(byEf.Count, byHand.Count);
        Assert.All(byEf.Values, e => Assert.Equal(System.Text.Json.JsonSerializer.Serialize(e), System.Text.Json.JsonSerializer.Serialize(byHand[e.Code])));
    }
}
