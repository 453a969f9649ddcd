namespace Mera.IntegrationTests;

/// <summary>ADR 0022: nobody reported is no value, a partial value is over the reporters on both sides.</summary>
public class MissingDataTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task No_report_is_no_value_and_a_partial_one_is_over_the_same_schools(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await District.SetUpAsync(db, 3);
        await District.ImportValuesAsync(db, "s1,contingent.students,2025,100\ns2,contingent.students,2025,300\ns3,contingent.students,2025,600\n" +
            "s1,openschool.students.registered,2025Q2,80\n");
        await Cli.OkAsync(db, "targets", "set", "--org", "m1", "--indicator", "dm.students.profile", "--year", "2025", "--value", "70");

        // Q1: nobody reported — no value, no numerator, no denominator, `no_data` (not 0,0 % «Под риском»).
        var q1 = Cli.Row(await Cli.OkAsync(db, "indicators", "--org", "m1", "--period", "2025Q1", "--format", "json",
            "--indicator", "dm.students.profile", "--as-of", "2025-07-15"), "m1", "dm.students.profile");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, q1.GetProperty("value").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, q1.GetProperty("denominator").ValueKind);
        Assert.Equal("no_data", q1.GetProperty("status").GetString());
        Assert.Equal(0, q1.GetProperty("reported").GetInt32());

        // Q2: one school of three — 80 of its own 100 (not of everyone's 1 000), and no verdict.
        var q2 = Cli.Row(await Cli.OkAsync(db, "indicators", "--org", "m1", "--period", "2025Q2", "--format", "json",
            "--indicator", "dm.students.profile", "--as-of", "2025-07-15"), "m1", "dm.students.profile");
        Assert.Equal(80, q2.GetProperty("value").GetDouble(), 9);
        Assert.Equal(100, q2.GetProperty("denominator").GetDouble());
        Assert.Equal("insufficient_data", q2.GetProperty("status").GetString());
        Assert.Equal("Недостаточно данных: по 1 из 3 организаций", q2.GetProperty("statusText").GetString());

        // Everyone reports: a verdict, in-year words.
        await District.ImportValuesAsync(db, "s2,openschool.students.registered,2025Q2,150\ns3,openschool.students.registered,2025Q2,300\n");
        var full = Cli.Row(await Cli.OkAsync(db, "indicators", "--org", "m1", "--period", "2025Q2", "--format", "json",
            "--indicator", "dm.students.profile", "--as-of", "2025-07-15"), "m1", "dm.students.profile");
        Assert.Equal(53, full.GetProperty("value").GetDouble(), 9);
        Assert.Equal("not_yet", full.GetProperty("status").GetString());
        Assert.Equal("Пока не достигнуто", full.GetProperty("statusName").GetString());
    }
}
