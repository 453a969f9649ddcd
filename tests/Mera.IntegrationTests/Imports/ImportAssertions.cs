using Microsoft.EntityFrameworkCore;

namespace Mera.IntegrationTests.Imports;

/// <summary>What the database holds, read directly: totals by element and the size of every audited table.</summary>
public static class ImportAssertions
{
    public static async Task<Dictionary<string, double>> TotalsAsync(TestDatabase db, string elementPrefix, string period)
    {
        await using var context = db.Db.CreateContext();
        var rows = await (from v in context.DataValues
                          join e in context.DataElements on v.ElementId equals e.Id
                          where e.Code.StartsWith(elementPrefix) && v.PeriodCode == period
                          select new { e.Code, v.Value }).ToListAsync();
        return rows.GroupBy(r => r.Code).ToDictionary(g => g.Key, g => g.Sum(r => r.Value));
    }

    public static async Task<(int Values, int History, int Batches)> CountsAsync(TestDatabase db)
    {
        await using var context = db.Db.CreateContext();
        return (await context.DataValues.CountAsync(), await context.DataValueHistory.CountAsync(), await context.ImportBatches.CountAsync());
    }

    public static async Task<TestDatabase> DagestanAsync(string provider, int schools)
    {
        var db = await TestDatabase.CreateAsync(provider);
        await Cli.OkAsync(db, "db", "migrate");
        await Cli.OkAsync(db, "orgs", "import", Cli.WriteFile("orgs.csv", PlatformFiles.Registry(schools)));
        return db;
    }
}
