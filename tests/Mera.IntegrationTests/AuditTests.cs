namespace Mera.IntegrationTests;

/// <summary>`./mera audit`: value changes with old and new value and source, targets and users, within a subtree.</summary>
[Trait("Category", "Calendar")]
public class AuditTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_audit_of_a_subtree_shows_who_changed_what_from_what_to_what(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await District.SetUpAsync(db, 2);
        await District.ImportValuesAsync(db, "s1,contingent.students,2024,120\ns2,contingent.students,2024,80\n");
        await District.ImportValuesAsync(db, "s1,contingent.students,2024,125\n");
        await Cli.OkAsync(db, "targets", "set", "--org", "s1", "--indicator", "dm.students.profile", "--year", "2024", "--value", "70");
        await Cli.OkAsync(db, "users", "add", "--login", "director1", "--role", "school", "--org", "s1", "--password", "Long-pass-2026");

        var rows = (await Cli.OkAsync(db, "audit", "--org", "m1", "--since", TestClock.Today.AddDays(-1).ToString("yyyy-MM-dd"), "--format", "json")).Json();
        var changed = rows.Single(r => r.GetProperty("action").GetString() == "value.import" && r.GetProperty("old").GetString() == "120");
        Assert.Equal("125", changed.GetProperty("new").GetString());
        Assert.Equal("значение из файла", changed.GetProperty("actionName").GetString());
        Assert.Equal("s1", changed.GetProperty("org").GetString());
        Assert.Contains("values.csv", changed.GetProperty("source").GetString());
        Assert.Contains(rows, r => r.GetProperty("action").GetString() == "target.set" && r.GetProperty("new").GetString()!.Contains("70"));
        Assert.Contains(rows, r => r.GetProperty("action").GetString() == "user.add" && r.GetProperty("new").GetString()!.StartsWith("director1"));

        // The action filter runs before the limit: the one plan change is found behind newer entries.
        var since = TestClock.Today.AddDays(-1).ToString("yyyy-MM-dd");
        var targets = (await Cli.OkAsync(db, "audit", "--org", "m1", "--since", since, "--action", "target.", "--limit", "1", "--format", "json")).Json();
        Assert.Equal("target.set", Assert.Single(targets).GetProperty("action").GetString());
        var imported = (await Cli.OkAsync(db, "audit", "--org", "m1", "--since", since, "--action", "value.import", "--format", "json")).Json();
        Assert.Equal(3, imported.Length); // 120 and 80 created, 120 → 125
        Assert.All(imported, r => Assert.Equal("value.import", r.GetProperty("action").GetString()));
        Assert.Empty((await Cli.OkAsync(db, "audit", "--org", "m1", "--since", since, "--action", "value.entry", "--format", "json")).Json());

        // A school's audit holds only the school: s2's value is not in it.
        var own = (await Cli.OkAsync(db, "audit", "--org", "s1", "--since", TestClock.Today.AddDays(-1).ToString("yyyy-MM-dd"), "--format", "json")).Json();
        Assert.All(own, r => Assert.Equal("s1", r.GetProperty("org").GetString()));
        Assert.Empty((await Cli.OkAsync(db, "audit", "--org", "m1", "--since", TestClock.Today.AddDays(2).ToString("yyyy-MM-dd"), "--format", "json")).Json());
    }
}
