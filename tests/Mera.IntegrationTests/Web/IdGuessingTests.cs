using System.Net;
using Mera.Core.Domain;
using Mera.IntegrationTests.Reliability;
using Microsoft.EntityFrameworkCore;

namespace Mera.IntegrationTests.Web;

/// <summary>
/// Issue 8 §4: every numeric or GUID id that a URL or a form carries — import batches, roadmap evidence, decision
/// items, submissions, users, and school codes — tried by a municipality of another subtree and by a school under
/// the same municipality. Each is refused and nothing changes.
/// </summary>
[Trait("Category", "Calendar")]
public class IdGuessingTests
{
    [Fact]
    public async Task Ids_of_another_subtree_cannot_be_guessed_into()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var app = await MeraApp.StartAsync(db);
        await Cli.OkAsync(db, "users", "add", "--login", "aksu", "--role", "municipality", "--org", "demo-aksu", "--password", "Aksu-officer-2026");
        await Cli.OkAsync(db, "import", "values", Cli.WriteFile("enisey.csv", TestData.ValuesHeader + $"\ndemo-enisey-s01,contingent.teachers,{TestClock.NextYear},70\n"));
        int enisey, evidence;
        await using (var context = db.Db.CreateContext())
        {
            enisey = context.OrgUnits.Single(o => o.Code == "demo-enisey").Id;
            var item = await context.RoadmapItems.FirstAsync(i => i.OrgUnitId == enisey);
            evidence = await Core.Features.Roadmap.RoadmapEvidenceFiles.AddAsync(db.Db, enisey, item.Number, "акт.pdf", "application/pdf", [1, 2, 3], "enisey", db.Clock);
        }
        List<long> batches;
        List<int> decisionItems;
        List<string?> reportNotes;
        List<(int Id, int Version, SubmissionState State)> submissions;
        List<string> users;
        await using (var context = db.Db.CreateContext())
        {
            var eniseyPath = context.OrgUnits.Single(o => o.Id == enisey).Path;
            batches = await context.ImportBatches.Select(b => b.Id).ToListAsync();
            var items = await context.Decisions.Where(d => d.OrgUnitId == enisey).SelectMany(d => d.Items).OrderBy(i => i.Id).ToListAsync();
            (decisionItems, reportNotes) = (items.Select(i => i.Id).ToList(), items.Select(i => i.ReportNotes).ToList());
            submissions = (await context.Submissions.Where(s => context.OrgUnits.Any(o => o.Id == s.OrgUnitId && o.Path.StartsWith(eniseyPath)))
                .Select(s => new { s.Id, s.Version, s.State }).ToListAsync()).Select(s => (s.Id, s.Version, s.State)).ToList();
            users = await context.Users.Where(u => u.UserName != "aksu" && u.UserName != "admin").Select(u => u.Id).ToListAsync();
        }
        Assert.NotEmpty(batches);
        Assert.NotEmpty(decisionItems);
        Assert.NotEmpty(submissions);
        var valuesBefore = await ValuesFingerprintAsync(db);

        var tries = 0;
        var failures = new List<string>();
        async Task Expect(HttpClient client, string who, Func<Task<HttpResponseMessage>> request, string what, params HttpStatusCode[] refused)
        {
            tries++;
            var response = await request();
            if (!refused.Contains(response.StatusCode))
            {
                failures.Add($"{who} {what}: {(int)response.StatusCode}");
            }
        }
        async Task<FormUrlEncodedContent> Form(HttpClient client, string page, Dictionary<string, string> fields) => await MeraApp.FormAsync(client, page, fields);

        var aksu = await app.SignInAsync("aksu", "Aksu-officer-2026");
        var school = await app.SignInAsync("school1");
        foreach (var (client, who) in new[] { (aksu, "aksu"), (school, "school1") })
        {
            foreach (var id in batches)
            {
                await Expect(client, who, async () => await client.PostAsync($"/imports?handler=undo&id={id}", await Form(client, "/dashboard", [])), $"undo batch {id}", HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
                await Expect(client, who, async () => await client.PostAsync($"/imports?handler=undo&id={id}&org=demo-enisey", await Form(client, "/dashboard", [])), $"undo batch {id} in enisey", HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
            }
            foreach (var id in Enumerable.Range(1, evidence + 2))
            {
                await Expect(client, who, () => client.GetAsync($"/roadmap?handler=file&id={id}"), $"evidence {id}", HttpStatusCode.NotFound);
                await Expect(client, who, () => client.GetAsync($"/roadmap?handler=file&id={id}&org=demo-enisey"), $"evidence {id} in enisey", HttpStatusCode.NotFound);
            }
            foreach (var id in decisionItems)
            {
                await Expect(client, who, async () => await client.PostAsync($"/roadmap?handler=report&item={id}", await Form(client, "/dashboard", new() { ["note"] = "выполнено" })), $"decision item {id}", HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
            }
            foreach (var id in users)
            {
                await Expect(client, who, async () => await client.PostAsync($"/users?handler=lock&id={id}&locked=true", await Form(client, "/dashboard", [])), $"lock user {id}",
                    HttpStatusCode.Redirect, HttpStatusCode.Forbidden); // the page answers with «недоступен»; checked below in the database
            }
            await Expect(client, who, async () => await client.PostAsync($"/forms/openschool/{TestClock.Quarter.Code}?org=demo-enisey-s02",
                await Form(client, "/dashboard", new() { ["action"] = "save", ["Values[openschool.students.registered]"] = "999" })), "form of another school", HttpStatusCode.NotFound);
        }
        // Submissions are picked by id:version from the monitor's list; an id outside the listed subtree is ignored.
        var picks = submissions.Select(s => new KeyValuePair<string, string>("Selected", $"{s.Id}:{s.Version}")).ToList();
        picks.Add(new("action", "accept"));
        picks.Add(new("__RequestVerificationToken", await MeraApp.TokenAsync(aksu, "/monitor")));
        tries += submissions.Count;
        var accepted = await aksu.PostAsync($"/monitor?org=demo-aksu&form=openschool&period={TestClock.LastQuarter.Code}", new FormUrlEncodedContent(picks));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains("Не выбран ни один отчёт", await accepted.Content.ReadAsStringAsync());

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        await using (var context = db.Db.CreateContext())
        {
            Assert.Equal(batches.Count, await context.ImportBatches.CountAsync(b => b.UndoneAt == null));
            Assert.False(await context.Users.AnyAsync(u => u.LockoutEnd != null));
            Assert.Equal(reportNotes, await context.Decisions.SelectMany(d => d.Items).Where(i => decisionItems.Contains(i.Id)).OrderBy(i => i.Id).Select(i => i.ReportNotes).ToListAsync());
            foreach (var s in submissions)
            {
                Assert.Equal(s.State, (await context.Submissions.SingleAsync(x => x.Id == s.Id)).State);
            }
            // Not "no value is 999": the demo's own numbers may hold one, depending on the day it is loaded.
            Assert.Equal(valuesBefore, await ValuesFingerprintAsync(db));
            Assert.Empty(await context.AuditLog.Where(a => a.User == "aksu" || a.User == "school1").Select(a => $"{a.User} {a.Action} {a.Entity} {a.EntityId} {a.Details}").ToListAsync());
        }
        await Reliability.Reliability.RecordAsync("ids", $"{tries} guessed ids (import batches, evidence files, decision items, users, submissions, another school's form) by a foreign municipality and a school: {failures.Count} reached");
    }

    private static async Task<(int Count, double Sum, double Previous, int History)> ValuesFingerprintAsync(TestDatabase db)
    {
        await using var context = db.Db.CreateContext();
        return (await context.DataValues.CountAsync(), await context.DataValues.SumAsync(v => v.Value),
            await context.DataValues.SumAsync(v => v.PreviousValue ?? 0), await context.DataValueHistory.CountAsync());
    }
}
