using System.Text.Json;
using Mera.Core.Domain;

namespace Mera.IntegrationTests;

/// <summary>
/// Issue 18: municipalities report to the region by the seeds' deadlines — the summary by the 1st of the month after
/// the quarter (seed 000 §6), the agreement report by the 25th of the quarter's last month (seed 003 §2.3.4); the region
/// returns and accepts; acceptance locks the schools' data for the form's elements; the snapshot keeps what was sent.
/// </summary>
[Trait("Category", "Calendar")]
public class RegionTierTests
{
    private static readonly Period Q = TestClock.Quarter;

    private const string Registry = TestData.RegistryHeader + "\n" +
        "r1,Тестовая область,region,,,,,,0,0,minobr@example.ru\n" +
        "m1,Енисейский район,municipality,r1,,,,,0,0,uo1@example.ru\n" +
        "m2,Северный район,municipality,r1,,,,,0,0,uo2@example.ru\n";

    private static async Task<TestDatabase> RegionAsync(string provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        var schools = string.Concat(Enumerable.Range(1, 4).Select(i => $"s{i},МБОУ СОШ № {i},school,m{(i + 1) / 2},{District.Inn(2000 + i)},240101001,,,0,0,s{i}@example.ru\n"));
        await Cli.OkAsync(db, "db", "migrate");
        await Cli.OkAsync(db, "orgs", "import", Cli.WriteFile("orgs.csv", Registry + schools));
        var values = string.Concat(Enumerable.Range(1, 4).Select(i =>
            $"s{i},openschool.students.registered,{Q.Code},{400 + i}\ns{i},openschool.students.inactive,{Q.Code},{40 + i}\n" +
            $"s{i},contingent.students,{Q.Start.Year},{500 + 100 * i}\n"));
        await Cli.OkAsync(db, "import", "values", Cli.WriteFile("values.csv", TestData.ValuesHeader + "\n" + values));
        return db;
    }

    private static async Task<Dictionary<string, JsonElement>> ListAsync(TestDatabase db, string form, DateOnly asOf) =>
        (await Cli.OkAsync(db, "submissions", "list", "--org", "r1", "--form", form, "--period", Q.Code, "--as-of", asOf.ToString("yyyy-MM-dd"), "--format", "json"))
            .Json().ToDictionary(r => r.GetProperty("org").GetString()!);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Municipalities_send_the_summary_the_region_returns_and_accepts_and_acceptance_locks_the_schools_data(string provider)
    {
        await using var db = await RegionAsync(provider);
        var summaryDue = Q.End.AddDays(1); // next-month:01
        var agreementDue = new DateOnly(Q.End.Year, Q.End.Month, 25); // last-month:25

        var before = await ListAsync(db, "municipal-summary", summaryDue.AddDays(-1));
        Assert.Equal(["m1", "m2"], before.Keys.Order());
        Assert.All(before.Values, r => Assert.Equal(("missing", summaryDue.ToString("yyyy-MM-dd")), (r.GetProperty("state").GetString(), r.GetProperty("deadline").GetString())));
        Assert.All(before.Values, r => Assert.Equal(JsonValueKind.Null, r.GetProperty("onTime").ValueKind));
        var agreement = await ListAsync(db, "agreement-report", agreementDue);
        Assert.Equal(agreementDue.ToString("yyyy-MM-dd"), agreement["m1"].GetProperty("deadline").GetString());

        await Cli.OkAsync(db, "submissions", "submit", "--org", "m1", "--form", "municipal-summary", "--period", Q.Code);
        var after = await ListAsync(db, "municipal-summary", summaryDue.AddDays(1));
        Assert.Equal(("submitted", true), (after["m1"].GetProperty("state").GetString(), after["m1"].GetProperty("onTime").GetBoolean()));
        Assert.Equal(("missing", false), (after["m2"].GetProperty("state").GetString(), after["m2"].GetProperty("onTime").GetBoolean()));

        // The day after the deadline the late municipality is told; the one that sent is not. Five days before, both would be reminded.
        var overdue = (await Cli.OkAsync(db, "reminders", "--as-of", summaryDue.AddDays(1).ToString("yyyy-MM-dd"), "--format", "json")).Json()
            .Where(r => r.GetProperty("form").GetString() == "municipal-summary").ToList();
        Assert.Equal([("m2", "overdue", "uo2@example.ru")], overdue.Select(r => (r.GetProperty("org").GetString(), r.GetProperty("kind").GetString(), r.GetProperty("recipient").GetString())));

        // Return with a comment, send again, accept.
        Assert.Equal(1, (await Cli.RunAsync(db, "submissions", "return", "--org", "m1", "--form", "municipal-summary", "--period", Q.Code)).ExitCode);
        await Cli.OkAsync(db, "submissions", "return", "--org", "m1", "--form", "municipal-summary", "--period", Q.Code, "--comment", "Уточните охват ЦОК");
        Assert.Equal("returned", (await ListAsync(db, "municipal-summary", summaryDue))["m1"].GetProperty("state").GetString());
        await Cli.OkAsync(db, "submissions", "submit", "--org", "m1", "--form", "municipal-summary", "--period", Q.Code);
        await Cli.OkAsync(db, "submissions", "accept", "--org", "m1", "--form", "municipal-summary", "--period", Q.Code);
        Assert.Equal("accepted", (await ListAsync(db, "municipal-summary", summaryDue))["m1"].GetProperty("state").GetString());

        // Accepted by the region: the schools of m1 cannot change the summary's data; m2's schools still can.
        var locked = await District.ImportValuesAsync(db, $"s1,openschool.students.registered,{Q.Code},999\n");
        Assert.Equal(1, locked.ExitCode);
        Assert.Contains("данные приняты регионом", locked.Error);
        Assert.Equal(401, await ValueAsync(db, "s1"));
        long loaded;
        await using (var journal = db.Db.CreateContext())
        {
            loaded = journal.ImportBatches.Where(b => b.FileName == "values.csv").Min(b => b.Id);
        }
        var undo = await Cli.RunAsync(db, "imports", "undo", loaded.ToString()); // undoing is a write too
        Assert.Equal(1, undo.ExitCode);
        Assert.Contains("данные приняты регионом", undo.Error);
        Assert.Equal(401, await ValueAsync(db, "s1"));
        await Cli.OkAsync(db, "import", "values", Cli.WriteFile("m2.csv", TestData.ValuesHeader + $"\ns3,openschool.students.registered,{Q.Code},500\n"));

        // Reopened: the change lands, and the snapshot still says what was sent.
        await Cli.OkAsync(db, "submissions", "reopen", "--org", "m1", "--form", "municipal-summary", "--period", Q.Code);
        await Cli.OkAsync(db, "import", "values", Cli.WriteFile("fix.csv", TestData.ValuesHeader + $"\ns1,openschool.students.registered,{Q.Code},450\n"));
        var file = Path.Combine(Directory.CreateTempSubdirectory("mera-snapshot-").FullName, "sent.xlsx");
        var shown = (await Cli.OkAsync(db, "submissions", "show", "--org", "m1", "--form", "municipal-summary", "--period", Q.Code, "--format", "json", "--out", file)).Json();
        var changed = shown.Single(d => d.GetProperty("org").GetString() == "s1" && d.GetProperty("code").GetString() == "openschool.students.registered");
        Assert.Equal((401d, 450d), (changed.GetProperty("sent").GetDouble(), changed.GetProperty("now").GetDouble()));
        Assert.True(new FileInfo(file).Length > 0, "the report file sent with the summary is kept");

        // A municipality that sends after the deadline is late.
        db.Clock.Advance(TimeSpan.FromDays(summaryDue.DayNumber - TestClock.Today.DayNumber + 2));
        await Cli.OkAsync(db, "submissions", "submit", "--org", "m2", "--form", "municipal-summary", "--period", Q.Code);
        var late = await ListAsync(db, "municipal-summary", summaryDue.AddDays(3));
        Assert.Equal(("submitted", false), (late["m2"].GetProperty("state").GetString(), late["m2"].GetProperty("onTime").GetBoolean()));

        // Through the outbox: the region heard of each sending, the municipality of the return (with its comment) and the acceptance.
        await using var context = db.Db.CreateContext();
        var notices = context.Notifications.Where(n => n.FormCode == "municipal-summary").ToList();
        Assert.Equal(3, notices.Count(n => n.Kind.StartsWith("submitted") && n.Recipient == "minobr@example.ru"));
        Assert.Contains(notices, n => n.Kind.StartsWith("returned") && n.Recipient == "uo1@example.ru" && n.Body.Contains("Уточните охват ЦОК"));
        Assert.Contains(notices, n => n.Kind.StartsWith("accepted") && n.Recipient == "uo1@example.ru");
    }

    [Fact]
    public async Task The_region_summary_has_a_row_per_municipality_and_the_regions_ratio_of_sums()
    {
        await using var db = await RegionAsync("sqlite");
        var xlsx = await Reports.ReportFiles.MakeRegionAsync(db, "r1", Q.Code);
        var rows = Reports.ReportFiles.Rows(xlsx);
        var engine = (await Cli.OkAsync(db, "indicators", "--org", "r1", "--period", Q.Code, "--children", "--indicator", "dm.students.profile", "--format", "json")).Json();
        double Value(string org) => engine.Single(r => r.GetProperty("org").GetString() == org).GetProperty("value").GetDouble();
        Assert.Equal(Value("m1"), Reports.ReportFiles.RowWith(rows, "B", "Енисейский район")["C"].Number!.Value, 9);
        Assert.Equal(Value("m2"), Reports.ReportFiles.RowWith(rows, "B", "Северный район")["C"].Number!.Value, 9);
        var region = Reports.ReportFiles.RowWith(rows, "B", "Итого: Тестовая область")["C"].Number!.Value;
        Assert.Equal(Value("r1"), region, 9);
        Assert.Equal((401d + 402 + 403 + 404) / (600 + 700 + 800 + 900) * 100, region, 9); // a ratio of sums, not an average of the two

        // The monitoring of what the municipalities owe the region: m1 sent its summary, m2 has until the 1st.
        await Cli.OkAsync(db, "submissions", "submit", "--org", "m1", "--form", "municipal-summary", "--period", Q.Code);
        var monitoring = Path.Combine(Directory.CreateTempSubdirectory("mera-report-").FullName, "monitoring.xlsx");
        await Cli.OkAsync(db, "report", "submissions", "--org", "r1", "--period", Q.Code, "--form", "municipal-summary", "--out", monitoring);
        var states = Reports.ReportFiles.Rows(monitoring);
        Assert.Equal("отправлено в срок", Reports.ReportFiles.RowWith(states, "B", "Енисейский район")["C"].Text);
        Assert.Equal("ожидается", Reports.ReportFiles.RowWith(states, "B", "Северный район")["C"].Text);
    }

    [Fact]
    public async Task An_officer_who_chose_once_a_day_gets_one_morning_message_instead_of_each_notice()
    {
        await using var db = await RegionAsync("sqlite");
        await Cli.OkAsync(db, "users", "add", "--login", "ministry", "--role", "region", "--org", "r1", "--email", "ministry@example.ru", "--password", "Ministry-pass-2026");
        await using (var context = db.Db.CreateContext())
        {
            var id = context.Users.Single(u => u.UserName == "ministry").Id;
            await Core.Features.Notifications.NoticeModes.SetAsync(db.Db, new(id, RemindersDaily: false, WorkflowDaily: true));
        }
        await Cli.OkAsync(db, "submissions", "submit", "--org", "m1", "--form", "municipal-summary", "--period", Q.Code);
        await Cli.OkAsync(db, "submissions", "submit", "--org", "m2", "--form", "municipal-summary", "--period", Q.Code);
        await using (var context = db.Db.CreateContext())
        {
            Assert.Equal(2, context.Notifications.Count(n => n.Recipient == "ministry@example.ru" && n.Status == "held"));
        }
        Assert.Equal(1, await Core.Features.Notifications.BundleDailyNotices.RunAsync(db.Db, db.Clock));
        await using var after = db.Db.CreateContext();
        var daily = after.Notifications.Single(n => n.Recipient == "ministry@example.ru" && n.Status == "queued");
        Assert.Contains("(2)", daily.Subject);
        Assert.Contains("Енисейский район", daily.Body);
        Assert.Contains("Северный район", daily.Body);
        Assert.Equal(2, after.Notifications.Count(n => n.Recipient == "ministry@example.ru" && n.Status == "bundled"));
    }

    private static async Task<double> ValueAsync(TestDatabase db, string school)
    {
        await using var context = db.Db.CreateContext();
        var org = context.OrgUnits.Single(o => o.Code == school);
        var element = context.DataElements.Single(e => e.Code == "openschool.students.registered");
        return context.DataValues.Single(v => v.OrgUnitId == org.Id && v.ElementId == element.Id && v.PeriodCode == Q.Code).Value;
    }
}
