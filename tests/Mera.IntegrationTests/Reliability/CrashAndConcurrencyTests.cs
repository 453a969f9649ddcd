using System.Text;
using Mera.IntegrationTests.Imports;
using Microsoft.EntityFrameworkCore;

namespace Mera.IntegrationTests.Reliability;

/// <summary>
/// A bulk import killed with SIGKILL at random moments leaves all of the file or none of it, the next start is
/// clean and the re-import lands; parallel CLI imports into one SQLite file all land, value by value.
/// </summary>
public class CrashAndConcurrencyTests
{
    private static string ValuesFile(int schools, int from, string element, int @base)
    {
        var sb = new StringBuilder(TestData.ValuesHeader + "\n");
        for (var i = from; i < from + schools; i++)
        {
            sb.Append($"s{i},{element},2024,{@base + i}\n");
        }
        return Cli.WriteFile($"values-{element}-{from}.csv", sb.ToString());
    }

    private static string Registry(int schools)
    {
        var sb = new StringBuilder(TestData.RegistryHeader + "\nr1,Область,region,,,,,,0,0,\nm1,Район,municipality,r1,,,,,0,0,\n");
        for (var i = 1; i <= schools; i++)
        {
            sb.Append($"s{i},Школа {i},school,m1,,,,,0,0,\n");
        }
        return Cli.WriteFile("orgs.csv", sb.ToString());
    }

    [Fact]
    public async Task An_import_killed_at_random_moments_leaves_all_or_nothing_and_the_reimport_lands()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await Cli.OkAsync(db, "db", "migrate");
        await Cli.OkAsync(db, "orgs", "import", Registry(20_000));
        var (all, none) = (0, 0);
        // From start-up, through reading and validating, to writing and just after the commit.
        var kills = new[] { ("contingent.students", 400), ("contingent.teachers", 1500), ("infra.internet.mbps", 2600), ("training.teachers.cos", 3800), ("training.heads.cos", 9000) };
        var elements = kills.Select(k => k.Item1).ToArray();
        foreach (var (element, delay) in kills)
        {
            var file = ValuesFile(20_000, 1, element, 10);
            using var process = CliProcess.Start(db, "import", "values", file);
            await Task.Delay(delay);
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already finished: the kill came after the commit.
            }
            await process.WaitForExitAsync();

            int elementId;
            await using (var context = db.Db.CreateContext())
            {
                Assert.Equal(["ok"], await context.Database.SqlQueryRaw<string>("PRAGMA integrity_check").ToListAsync());
                elementId = await context.DataElements.Where(e => e.Code == element).Select(e => e.Id).SingleAsync();
                var count = await context.DataValues.CountAsync(v => v.ElementId == elementId);
                var batches = await context.ImportBatches.CountAsync(b => b.FileName.Contains(element));
                Assert.True(count is 0 or 20_000, $"{element}: {count} of 20 000 values after the kill");
                Assert.Equal(count == 0 ? 0 : 1, batches);
                // New values are their own change records: a half-written history would show up here.
                Assert.Equal(0, await context.DataValueHistory.CountAsync(h => h.ElementId == elementId));
                (all, none) = count == 0 ? (all, none + 1) : (all + 1, none);
            }
            var again = await CliProcess.RunAsync(db, "import", "values", file);
            Assert.True(again.ExitCode == 0, again.Error);
            await using var after = db.Db.CreateContext();
            Assert.Equal(20_000, await after.DataValues.CountAsync(v => v.ElementId == elementId));
        }
        await Reliability.RecordAsync("crash", $"{elements.Length} imports of 20 000 values killed with SIGKILL: {none} left nothing, {all} had committed everything, 0 partial; every re-import landed");
    }

    [Fact]
    public async Task Four_parallel_imports_into_one_sqlite_file_all_land_value_by_value()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await Cli.OkAsync(db, "db", "migrate");
        await Cli.OkAsync(db, "orgs", "import", Registry(8_000));
        // Four files over different schools and elements, started together as four processes.
        var files = new[]
        {
            ValuesFile(2_000, 1, "contingent.students", 100), ValuesFile(2_000, 2_001, "contingent.students", 100),
            ValuesFile(8_000, 1, "contingent.teachers", 7), ValuesFile(8_000, 1, "training.teachers.cos", 3),
        };
        var runs = await Task.WhenAll(files.Select(f => CliProcess.RunAsync(db, "import", "values", f)));
        Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.Error));
        Assert.All(runs, r => Assert.DoesNotContain("locked", r.Error));
        await using var context = db.Db.CreateContext();
        var stored = await (from v in context.DataValues
                            join o in context.OrgUnits on v.OrgUnitId equals o.Id
                            join e in context.DataElements on v.ElementId equals e.Id
                            select new { Org = o.Code, Element = e.Code, v.Value }).ToListAsync();
        var expected = files.SelectMany(f => File.ReadAllLines(f).Skip(1)).Select(l => l.Split(',')).Select(c => (c[0], c[1], double.Parse(c[3]))).ToHashSet();
        Assert.Equal(expected.Count, stored.Count);
        Assert.True(expected.SetEquals(stored.Select(s => (s.Org, s.Element, s.Value))));
        Assert.Equal(4, await context.ImportBatches.CountAsync());
        await Reliability.RecordAsync("parallel", $"4 parallel CLI imports into one SQLite file: {expected.Count} values, all stored once, 0 «database is locked»");
    }
}
