using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Mera.IntegrationTests.Web;

[Trait("Category", "Calendar")]
public class PlanPagesTests
{
    [Fact]
    public async Task Municipality_sets_a_rule_for_its_schools_reports_a_measure_and_attaches_its_proof()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var app = await MeraApp.StartAsync(db);
        var officer = await app.SignInAsync("enisey");

        async Task<HttpResponseMessage> SetRule(string value, bool confirmed) =>
            await officer.PostAsync("/targets?org=demo-enisey", await MeraApp.FormAsync(officer, "/targets?org=demo-enisey", new()
            {
                ["Indicator"] = "myschool.teachers.active_share", ["Year"] = TestClock.NextYear, ["Value"] = value, ["EachSchool"] = "true",
                ["Confirmed"] = confirmed ? "true" : "false",
            }));
        async Task<int> RuleTargets()
        {
            await using var context = db.Db.CreateContext();
            return await context.Targets.CountAsync(t => t.IndicatorCode == "myschool.teachers.active_share" && t.Year == int.Parse(TestClock.NextYear));
        }
        // A share above 100 % is refused, the typed value stays in the field, nothing is written.
        var tooMuch = Text(await (await SetRule("150", confirmed: true)).Content.ReadAsStringAsync());
        Assert.Contains("План не установлен", tooMuch);
        Assert.Contains("value=\"150\"", tooMuch);
        Assert.Equal(0, await RuleTargets());
        // A rule for every school first says how many schools it touches, and writes nothing until confirmed.
        var asked = Text(await (await SetRule("70,5 %", confirmed: false)).Content.ReadAsStringAsync());
        Assert.Contains("будет установлен каждой школе — это 16 школ: новых планов 16, изменённых 0", asked);
        Assert.Contains("70,5 %", asked);
        Assert.Equal(0, await RuleTargets());
        var rule = await SetRule("70,5 %", confirmed: true);
        Assert.Equal(HttpStatusCode.Redirect, rule.StatusCode);
        Assert.Equal(16, await RuleTargets());
        await using (var context = db.Db.CreateContext())
        {
            Assert.All(context.Targets.Where(t => t.IndicatorCode == "myschool.teachers.active_share"), t => Assert.Equal(70.5, t.Value));
        }
        // The municipality does not set its own target: that is the region's.
        var own = await officer.PostAsync("/targets?org=demo-enisey", await MeraApp.FormAsync(officer, "/targets?org=demo-enisey", new()
        {
            ["Indicator"] = "myschool.teachers.active_share", ["Year"] = TestClock.NextYear, ["Value"] = "70",
        }));
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);

        var token = await MeraApp.TokenAsync(officer, "/roadmap");
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("3"), "number" },
            { new ByteArrayContent("Приказ № 45"u8.ToArray()), "file", "приказ-45.pdf" },
        };
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostAsync("/roadmap?handler=evidence&org=demo-enisey", upload)).StatusCode);
        var done = await officer.PostAsync("/roadmap?handler=done&org=demo-enisey", await MeraApp.FormAsync(officer, "/roadmap", new() { ["number"] = "3", ["comment"] = "приказ № 45" }));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var after = await officer.GetStringAsync("/roadmap");
        Assert.Contains("приказ-45.pdf", after);
        var id = Regex.Match(after, "handler=file&(?:amp;)?id=(\\d+)").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(id), after[..Math.Min(after.Length, 200)]);

        Assert.Equal("Приказ № 45", await officer.GetStringAsync($"/roadmap?handler=file&id={id}&org=demo-enisey"));
        var region = await app.SignInAsync("minobr");
        Assert.Equal(HttpStatusCode.OK, (await region.GetAsync($"/roadmap?handler=file&id={id}&org=demo-enisey")).StatusCode);
        var school = await app.SignInAsync("school1");
        Assert.Equal(HttpStatusCode.NotFound, (await school.GetAsync($"/roadmap?handler=file&id={id}&org=demo-enisey")).StatusCode);
        // Asking through one's own org does not reach another org's file either.
        Assert.Equal(HttpStatusCode.NotFound, (await school.GetAsync($"/roadmap?handler=file&id={id}")).StatusCode);
    }

    private static string Text(string html) => Regex.Replace(WebUtility.HtmlDecode(html), "\\s+", " ");
}
