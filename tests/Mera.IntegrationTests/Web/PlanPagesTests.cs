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

        var rule = await officer.PostAsync("/targets?org=demo-enisey", await MeraApp.FormAsync(officer, "/targets?org=demo-enisey", new()
        {
            ["Indicator"] = "myschool.teachers.active_share", ["Year"] = TestClock.NextYear, ["Value"] = "70", ["EachSchool"] = "true",
        }));
        Assert.Equal(HttpStatusCode.Redirect, rule.StatusCode);
        await using (var context = db.Db.CreateContext())
        {
            Assert.Equal(16, await context.Targets.CountAsync(t => t.IndicatorCode == "myschool.teachers.active_share" && t.Year == int.Parse(TestClock.NextYear)));
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
}
