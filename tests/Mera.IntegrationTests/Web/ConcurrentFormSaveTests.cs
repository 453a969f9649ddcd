using System.Net;
using Mera.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mera.IntegrationTests.Web;

/// <summary>
/// Issue 8 §3: every school of a district saves and submits its form at the same moment, each saving its draft twice
/// at once (a double click); afterwards every value is stored once, with the school's own number, and every form
/// is submitted. No request answers 500.
/// </summary>
[Trait("Category", "Calendar")]
public class ConcurrentFormSaveTests
{
    private static readonly string Period = TestClock.Quarter.Code;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Parallel_saves_by_every_school_lose_and_duplicate_nothing(string provider)
    {
        // A district of its own (not the demo, whose forms of the running quarter may already be sent on the test's day):
        // every school's form for the running quarter is empty.
        await using var db = await TestDatabase.CreateAsync(provider);
        await District.SetUpAsync(db, 16);
        await using var app = MeraApp.AnotherNode(db);
        var schools = Enumerable.Range(1, 16).Select(i => (Code: $"s{i}", Index: i - 1)).ToList();
        foreach (var (code, i) in schools)
        {
            await Core.Features.Users.AddUser.RunAsync(db.Db, new($"p{i}", "school", code, "Parallel-pass-2026", null, "Школа"), db.Clock);
        }
        var clients = new List<HttpClient>();
        foreach (var (_, i) in schools)
        {
            clients.Add(await app.SignInAsync($"p{i}", "Parallel-pass-2026"));
        }

        // Each school's numbers are its own: registered = 1000 + i, inactive = i, teachers = 100 + i, inactive = i % 7.
        Dictionary<string, string> Fields(int i, string action) => new()
        {
            ["Values[openschool.students.registered]"] = $"{1000 + i}", ["Values[openschool.students.inactive]"] = $"{i}",
            ["Values[openschool.teachers.registered]"] = $"{100 + i}", ["Values[openschool.teachers.inactive]"] = $"{i % 7}", ["action"] = action,
        };
        async Task<HttpStatusCode> PostAsync(int i, string action)
        {
            var url = $"/forms/openschool/{Period}?org={schools[i].Code}";
            var response = await clients[i].PostAsync(url, await MeraApp.FormAsync(clients[i], url, Fields(i, action)));
            return response.StatusCode;
        }

        var drafts = await Task.WhenAll(schools.SelectMany(s => new[] { PostAsync(s.Index, "draft"), PostAsync(s.Index, "draft") }));
        var submits = await Task.WhenAll(schools.Select(s => PostAsync(s.Index, "submit")));
        Assert.All(drafts.Concat(submits), status => Assert.Equal(HttpStatusCode.Redirect, status));

        await using var check = db.Db.CreateContext();
        var ids = await check.OrgUnits.Where(o => schools.Select(s => s.Code).Contains(o.Code)).ToDictionaryAsync(o => o.Code, o => o.Id);
        var elements = await check.DataElements.Where(e => e.Code.StartsWith("openschool.")).ToDictionaryAsync(e => e.Id, e => e.Code);
        var values = await check.DataValues.Where(v => v.PeriodCode == Period && elements.Keys.Contains(v.ElementId)).ToListAsync();
        Assert.Equal(schools.Count * 4, values.Count);
        foreach (var (code, i) in schools)
        {
            var mine = values.Where(v => v.OrgUnitId == ids[code]).ToDictionary(v => elements[v.ElementId], v => v.Value);
            Assert.Equal(new Dictionary<string, double>
            {
                ["openschool.students.registered"] = 1000 + i, ["openschool.students.inactive"] = i,
                ["openschool.teachers.registered"] = 100 + i, ["openschool.teachers.inactive"] = i % 7,
            }, mine);
        }
        var states = await check.Submissions.Where(s => s.FormCode == "openschool" && s.PeriodCode == Period).Select(s => s.State).ToListAsync();
        Assert.Equal(Enumerable.Repeat(SubmissionState.Submitted, schools.Count), states);
        // One change per value, the value itself: the doubled draft changed nothing the second time, so no version was superseded.
        Assert.Equal(0, await check.DataValueHistory.CountAsync(h => h.PeriodCode == Period && elements.Keys.Contains(h.ElementId)));
        Assert.All(values, v => Assert.Null(v.PreviousValue));
        await Reliability.Reliability.RecordAsync($"formsaves-{provider}",
            $"{schools.Count} schools × (2 simultaneous drafts + submit) = {drafts.Length + submits.Length} concurrent form posts on {provider}: {values.Count} values stored once each, 0 lost, 0 duplicated, 0 errors");
    }
}
