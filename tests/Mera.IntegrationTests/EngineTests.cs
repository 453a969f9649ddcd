using Mera.Core.Domain;
using Mera.Core.Formulas;
using Microsoft.EntityFrameworkCore;

namespace Mera.IntegrationTests;

[Trait("Category", "Calendar")]
public class EngineTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Completeness_and_time_rules(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await District.SetUpAsync(db, 3, rural: i => i == 2);
        // s1: two weeks of 2025Q1 (the latest counts), 2025-W01 starts 30.12.2024 but belongs to 2025Q1.
        // s2: a week of 2024Q4 only; s3: nothing. Teachers come from the yearly contingent (longer into shorter).
        Assert.Equal(0, (await District.ImportValuesAsync(db,
            "s1,sferum.teachers.total,2025-W01,10\ns1,sferum.teachers.total,2025-W10,20\ns2,sferum.teachers.total,2024-W50,7\n" +
            "s1,contingent.teachers,2025,40\ns2,contingent.teachers,2025,10\ns3,contingent.teachers,2025,50\n" +
            "s1,infra.internet.mbps,2025,60\ns1,infra.internet.guaranteed,2025,1\ns2,infra.internet.mbps,2025,60\ns2,infra.internet.guaranteed,2025,1\n")).ExitCode);

        var run = await Cli.OkAsync(db, "indicators", "--org", "m1", "--period", "2025Q1", "--format", "json");
        var share = Cli.Row(run, "m1", "sferum.teachers.share");
        // Over the schools that reported (ADR 0022): s1's 20 of its own 40, not of everyone's 100.
        Assert.Equal(20, share.GetProperty("numerator").GetDouble());
        Assert.Equal(40, share.GetProperty("denominator").GetDouble());
        Assert.Equal(1, share.GetProperty("reported").GetInt32());
        Assert.Equal(3, share.GetProperty("expected").GetInt32());

        // Internet: the urban school needs 100 Mbit/s, the rural one 50 — only s2 (rural, 60) counts.
        var internet = Cli.Row(run, "m1", "cos.orgs.internet");
        Assert.Equal(1, internet.GetProperty("numerator").GetDouble());
        Assert.Equal(3, internet.GetProperty("denominator").GetDouble());
        Assert.Equal(2, internet.GetProperty("reported").GetInt32());

        // A single week: the week's own value.
        var week = Cli.Row(await Cli.OkAsync(db, "indicators", "--org", "m1", "--period", "2025-W01", "--format", "json"), "m1", "sferum.teachers.share");
        Assert.Equal(10, week.GetProperty("numerator").GetDouble());
        // January 2025 contains 2025-W01 by its Thursday (02.01.2025).
        var january = Cli.Row(await Cli.OkAsync(db, "indicators", "--org", "m1", "--period", "2025-01", "--format", "json"), "m1", "sferum.teachers.share");
        Assert.Equal(10, january.GetProperty("numerator").GetDouble());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_formula_version_in_force_at_the_period_end_is_used(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await District.SetUpAsync(db, 1);
        await District.ImportValuesAsync(db, "s1,openschool.students.registered,2024Q4,50\ns1,openschool.students.registered,2025Q1,50\n" +
            "s1,openschool.students.inactive,2024Q4,10\ns1,openschool.students.inactive,2025Q1,10\ns1,contingent.students,2024,100\ns1,contingent.students,2025,100\n");
        await using (var context = db.Db.CreateContext())
        {
            var indicator = await context.Indicators.Include(i => i.Formulas).SingleAsync(i => i.Code == "dm.students.profile");
            indicator.Formulas.Add(new IndicatorFormula { EffectiveFrom = new DateOnly(2025, 1, 1), Numerator = "openschool.students.registered - openschool.students.inactive", Denominator = "contingent.students" });
            await context.SaveChangesAsync();
        }
        double ValueOf(CliRun r) => Cli.Row(r, "m1", "dm.students.profile").GetProperty("value").GetDouble();
        Assert.Equal(50, ValueOf(await Cli.OkAsync(db, "indicators", "--org", "m1", "--period", "2024Q4", "--format", "json")), 9);
        Assert.Equal(40, ValueOf(await Cli.OkAsync(db, "indicators", "--org", "m1", "--period", "2025Q1", "--format", "json")), 9);
        // db migrate again keeps the admin's version and adds nothing.
        var again = await Cli.OkAsync(db, "db", "migrate");
        Assert.Contains("версий формул 0", again.Out);
    }

    [Fact]
    public async Task Every_catalog_formula_parses_and_uses_known_elements()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await Cli.OkAsync(db, "db", "migrate");
        await using var context = db.Db.CreateContext();
        var elements = (await context.DataElements.Select(e => e.Code).ToListAsync()).ToHashSet();
        elements.Add(DataElement.SchoolsCode);
        var formulas = await context.IndicatorFormulas.ToListAsync();
        Assert.Equal(25, await context.Indicators.CountAsync());
        foreach (var f in formulas)
        {
            foreach (var text in new[] { f.Numerator, f.Denominator }.OfType<string>())
            {
                var parsed = FormulaParser.Parse(text);
                Assert.All(parsed.ElementCodes, code => Assert.Contains(code, elements));
            }
        }
        foreach (var rule in Mera.Core.Data.BuiltIn.BuiltInCatalog.Instance.Rules)
        {
            Assert.All(FormulaParser.Parse(rule.Rule).ElementCodes, code => Assert.Contains(code, elements));
        }
    }

    [Fact]
    public async Task Sqlite_and_postgres_give_identical_results_on_the_demo()
    {
        if (string.IsNullOrEmpty(TestDatabase.PostgresBase))
        {
            Assert.Fail("MERA_TEST_PG is not set: run ./test.sh, which starts PostgreSQL");
        }
        await using var sqlite = await TestDatabase.CreateAsync("sqlite");
        await using var postgres = await TestDatabase.CreateAsync("postgres");
        foreach (var db in new[] { sqlite, postgres })
        {
            await Cli.OkAsync(db, "db", "migrate");
            await Cli.OkAsync(db, "demo");
        }
        var year = TestClock.Today.Year;
        foreach (var period in new[] { $"{year - 1}", $"{year - 1}Q2", $"{year}-03", $"{year}-W10" })
        {
            var a = (await Cli.OkAsync(sqlite, "indicators", "--org", "demo", "--period", period, "--children", "--format", "csv")).Out;
            var b = (await Cli.OkAsync(postgres, "indicators", "--org", "demo", "--period", period, "--children", "--format", "csv")).Out;
            Assert.Equal(a, b);
            Assert.True(a.Split('\n').Length > 80);
        }
    }
}
