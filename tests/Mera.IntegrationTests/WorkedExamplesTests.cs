using System.Text;

namespace Mera.IntegrationTests;

/// <summary>The worked examples of DOMAIN.md §11, through the CLI, on SQLite and PostgreSQL.</summary>
public class WorkedExamplesTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Equipment_updated_in_three_of_17_schools_is_17_6_percent(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await District.SetUpAsync(db, 17);
        var values = new StringBuilder();
        values.Append("s1,infra.equipment.updated,2021,1\n");
        values.Append("s2,infra.equipment.updated,2023,1\n");
        values.Append("s3,infra.equipment.updated,2024,1\n");
        values.Append("s1,infra.equipment.updated,2024,0\n");
        Assert.Equal(0, (await District.ImportValuesAsync(db, values.ToString())).ExitCode);

        var run = await Cli.OkAsync(db, "indicators", "--org", "m1", "--period", "2024", "--format", "json", "--indicator", "cos.orgs.equipped");
        var row = Cli.Row(run, "m1", "cos.orgs.equipped");
        Assert.Equal(3, row.GetProperty("numerator").GetDouble());
        Assert.Equal(17, row.GetProperty("denominator").GetDouble());
        Assert.Equal(300.0 / 17, row.GetProperty("value").GetDouble(), 9);
        Assert.Equal("17,6\u00a0%", Mera.Core.Formatting.RussianFormat.Value(row.GetProperty("value").GetDouble(), "%"));

        // 2022: only the 2021 update exists so far.
        var earlier = Cli.Row(await Cli.OkAsync(db, "indicators", "--org", "m1", "--period", "2022", "--format", "json"), "m1", "cos.orgs.equipped");
        Assert.Equal(1, earlier.GetProperty("numerator").GetDouble());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Training_233_of_479_teachers_is_48_6_percent(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await District.SetUpAsync(db, 2);
        var run = await District.ImportValuesAsync(db,
            "s1,training.teachers.cos,2024,200\ns1,contingent.teachers,2024,400\ns2,training.teachers.cos,2024,33\ns2,contingent.teachers,2024,79\n");
        Assert.Equal(0, run.ExitCode);
        var row = Cli.Row(await Cli.OkAsync(db, "indicators", "--org", "m1", "--period", "2024", "--format", "json"), "m1", "cos.teachers.trained");
        Assert.Equal(48.6, Math.Round(row.GetProperty("value").GetDouble(), 1));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Municipal_value_is_a_ratio_of_sums_not_an_average(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await District.SetUpAsync(db, 2);
        await District.ImportValuesAsync(db,
            "s1,openschool.students.registered,2024Q1,1\ns1,contingent.students,2024,10\ns2,openschool.students.registered,2024Q1,50\ns2,contingent.students,2024,100\n");
        var run = await Cli.OkAsync(db, "indicators", "--org", "m1", "--period", "2024Q1", "--children", "--format", "json", "--indicator", "dm.students.profile");
        Assert.Equal(5100.0 / 110, Cli.Row(run, "m1", "dm.students.profile").GetProperty("value").GetDouble(), 9);
        Assert.Equal(10.0, Cli.Row(run, "s1", "dm.students.profile").GetProperty("value").GetDouble(), 9);
        Assert.Equal(50.0, Cli.Row(run, "s2", "dm.students.profile").GetProperty("value").GetDouble(), 9);
    }
}
