using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Mera.IntegrationTests;

public class PlanFactTests
{
    private static async Task<CliRun> IndicatorsAsync(TestDatabase db, string org, string period, string indicator, string asOf, params string[] more) =>
        await Cli.OkAsync(db, ["indicators", "--org", org, "--period", period, "--format", "json", "--indicator", indicator, "--as-of", asOf, .. more]);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Seed_002_collegium_equipment_17_6_percent_against_plan_5_7_is_achieved(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await District.SetUpAsync(db, 17);
        await District.ImportValuesAsync(db, "s1,infra.equipment.updated,2021,1\ns2,infra.equipment.updated,2023,1\ns3,infra.equipment.updated,2024,1\n" +
            "s1,contingent.teachers,2024,479\ns1,training.teachers.cos,2024,233\n");
        await Cli.OkAsync(db, "targets", "import", Cli.WriteFile("t.csv", "org,indicator,year,value\nm1,cos.orgs.equipped,2024,5.7\nm1,cos.teachers.trained,2024,50\n"));

        var equipped = Cli.Row(await IndicatorsAsync(db, "m1", "2024", "cos.orgs.equipped", "2025-02-01"), "m1", "cos.orgs.equipped");
        Assert.Equal(17.647, equipped.GetProperty("value").GetDouble(), 3);
        Assert.Equal(5.7, equipped.GetProperty("target").GetDouble());
        Assert.Equal("achieved", equipped.GetProperty("status").GetString());
        Assert.Equal("Исполнен", equipped.GetProperty("statusName").GetString());

        // One school of 17 reported: the value is over that school, but no verdict goes to the ministry (ADR 0022).
        var partial = Cli.Row(await IndicatorsAsync(db, "m1", "2024", "cos.teachers.trained", "2025-02-01"), "m1", "cos.teachers.trained");
        Assert.Equal(48.6, Math.Round(partial.GetProperty("value").GetDouble(), 1));
        Assert.Equal("insufficient_data", partial.GetProperty("status").GetString());
        Assert.Equal(1, partial.GetProperty("reported").GetInt32());

        await District.ImportValuesAsync(db, string.Concat(Enumerable.Range(2, 16).Select(i => $"s{i},contingent.teachers,2024,0\ns{i},training.teachers.cos,2024,0\n")));
        var trained = Cli.Row(await IndicatorsAsync(db, "m1", "2024", "cos.teachers.trained", "2025-02-01"), "m1", "cos.teachers.trained");
        Assert.Equal(48.6, Math.Round(trained.GetProperty("value").GetDouble(), 1));
        Assert.Equal("not_achieved", trained.GetProperty("status").GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_70_percent_rule_for_every_school_finds_the_lagging_ones_and_projects_within_the_year(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await District.SetUpAsync(db, 4);
        var values = new StringBuilder();
        // Students 100 each; profile share by quarter: s1 40→45 (at risk), s2 40→60 (on course), s3 75 (achieved), s4 no data.
        foreach (var (school, q1, q2) in new[] { ("s1", 40, 45), ("s2", 40, 60), ("s3", 72, 75) })
        {
            values.Append($"{school},contingent.students,2025,100\n{school},openschool.students.registered,2025Q1,{q1}\n{school},openschool.students.registered,2025Q2,{q2}\n");
        }
        values.Append("s4,contingent.students,2025,100\n");
        await District.ImportValuesAsync(db, values.ToString());
        var set = await Cli.OkAsync(db, "targets", "set", "--org", "m1", "--indicator", "dm.students.profile", "--year", "2025", "--value", "70", "--each-school");
        Assert.Contains("добавлено 4", set.Out);

        var during = (await IndicatorsAsync(db, "m1", "2025Q2", "dm.students.profile", "2025-07-15", "--children")).Json()
            .Where(r => r.GetProperty("org").GetString() != "m1")
            .ToDictionary(r => r.GetProperty("org").GetString()!, r => r.GetProperty("status").GetString());
        // ADR 0022: during the year no «Исполнен»/«Не исполнен»; a school with nothing reported has no status but `no_data`.
        Assert.Equal("at_risk", during["s1"]);    // 40 → 45: the line reaches 55 by Q4
        Assert.Equal("not_yet", during["s2"]);    // 40 → 60: the line reaches 100
        Assert.Equal("on_track", during["s3"]);   // 75 ≥ 70 already
        Assert.Equal("no_data", during["s4"]);

        var lagging = (await IndicatorsAsync(db, "m1", "2025Q2", "dm.students.profile", "2025-07-15", "--lagging")).Json()
            .Select(r => r.GetProperty("org").GetString()!).Order().ToArray();
        Assert.Equal(new[] { "s1", "s2" }, lagging);

        // One truth: the dashboard (which feeds the assessment with its trend's periods) says what the CLI says.
        var dashboard = await Mera.Core.Features.Indicators.ComputeDashboard.RunAsync(db.Db,
            new Mera.Core.Features.Indicators.ComputeDashboard.Query("m1", Mera.Core.Domain.Period.Parse("2025Q2"), new DateOnly(2025, 7, 15)));
        var shown = dashboard.Rows.Where(r => r.Indicator == "dm.students.profile" && r.Org != "m1").ToDictionary(r => r.Org);
        Assert.Equal(during, shown.ToDictionary(r => r.Key, r => (string?)r.Value.Status));
        Assert.Equal(55, shown["s1"].Projected!.Value, 9);
        Assert.Equal(100, shown["s2"].Projected!.Value, 9);

        var after = (await IndicatorsAsync(db, "m1", "2025Q2", "dm.students.profile", "2026-01-15", "--children")).Json()
            .Where(r => r.GetProperty("org").GetString() == "s2").Single();
        Assert.Equal("not_achieved", after.GetProperty("status").GetString());
        Assert.Equal(JsonNull, after.GetProperty("projected").ValueKind);

        await using var context = db.Db.CreateContext();
        Assert.Equal(4, await context.AuditLog.CountAsync(a => a.Entity == "target"));
    }

    private const System.Text.Json.JsonValueKind JsonNull = System.Text.Json.JsonValueKind.Null;

    [Fact]
    public async Task A_cumulative_count_target_adds_up_the_years_since_its_base()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await District.SetUpAsync(db, 1);
        await District.ImportValuesAsync(db, "s1,openschool.students.registered,2024Q4,300\ns1,openschool.students.registered,2025Q4,200\n");
        await Cli.OkAsync(db, "targets", "set", "--org", "m1", "--indicator", "cos.students.profile_count", "--year", "2025", "--value", "450",
            "--cumulative", "--base-value", "0", "--base-date", "31.12.2023");
        var row = Cli.Row(await IndicatorsAsync(db, "m1", "2025", "cos.students.profile_count", "2026-02-01"), "m1", "cos.students.profile_count");
        Assert.Equal(200, row.GetProperty("value").GetDouble());
        Assert.Equal(500, row.GetProperty("fact").GetDouble());
        Assert.Equal("achieved", row.GetProperty("status").GetString());
    }
}
