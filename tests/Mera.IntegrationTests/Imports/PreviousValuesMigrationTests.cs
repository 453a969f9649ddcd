using Mera.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mera.IntegrationTests.Imports;

/// <summary>
/// M0012 (ADR 0017): a database whose history holds every change, the creations included, becomes one whose values
/// carry their latest change, with nothing lost either way.
/// </summary>
public class PreviousValuesMigrationTests
{
    private const string BeforePreviousValues = "20261123000011_CatalogEdits";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Legacy_history_folds_into_the_values_and_back(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await District.SetUpAsync(db, 2);
        await District.ImportValuesAsync(db, "s1,contingent.students,2024,100\ns2,contingent.students,2024,200\n");
        await District.ImportValuesAsync(db, "s1,contingent.students,2024,110\n");
        await District.ImportValuesAsync(db, "s1,contingent.students,2024,120\n");
        var changes = await ChangesAsync(db);
        Assert.Equal(4, changes.Count);

        // Down: the legacy shape, where the history has a row for every change (4), the current versions included.
        await using (var context = db.Db.CreateContext())
        {
            await context.GetService<IMigrator>().MigrateAsync(BeforePreviousValues);
            Assert.Equal(4, await context.DataValueHistory.CountAsync());
        }
        await using (var context = db.Db.CreateContext())
        {
            await context.Database.MigrateAsync();
            var s1 = await context.DataValues.SingleAsync(v => v.Value == 120);
            Assert.Equal(110, s1.PreviousValue);
            Assert.Null((await context.DataValues.SingleAsync(v => v.Value == 200)).PreviousValue);
            Assert.Equal([(null, 100d), (100d, 110d)],
                (await context.DataValueHistory.OrderBy(h => h.Id).ToListAsync()).Select(h => (h.OldValue, h.NewValue)).ToList());
        }
        Assert.Equal(changes, await ChangesAsync(db));

        // The journal after the round trip still undoes the last import: 120 goes back to 110.
        var last = (await Cli.OkAsync(db, "imports", "list", "--format", "json")).Json()[0].GetProperty("id").GetInt64();
        await Cli.OkAsync(db, "imports", "undo", last.ToString());
        await using var after = db.Db.CreateContext();
        Assert.Equal(110, (await after.DataValues.SingleAsync(v => v.OrgUnitId == after.OrgUnits.Single(o => o.Code == "s1").Id)).Value);
    }

    /// <summary>Every change ever made, as (old, new, file), whatever table holds it.</summary>
    private static async Task<List<(double?, double?, string?)>> ChangesAsync(TestDatabase db)
    {
        await using var context = db.Db.CreateContext();
        var history = await context.DataValueHistory.Select(h => new { h.OldValue, h.NewValue, h.SourceFile }).ToListAsync();
        var current = await context.DataValues.Select(v => new { OldValue = v.PreviousValue, NewValue = (double?)v.Value, v.SourceFile }).ToListAsync();
        return history.Concat(current).Select(c => (c.OldValue, c.NewValue, c.SourceFile)).Order().ToList();
    }
}
