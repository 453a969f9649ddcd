using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Mera.IntegrationTests.Web;

[Trait("Category", "Calendar")]
public class UserAdministrationTests
{
    private static Dictionary<string, string> NewUser(string login, string role, string org) => new()
    {
        ["Login"] = login, ["FullName"] = "Тестовый пользователь", ["Role"] = role, ["OrgCode"] = org, ["Password"] = "School-pass-2026",
    };

    [Fact]
    public async Task A_municipality_manages_its_schools_users_only()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var app = await MeraApp.StartAsync(db);
        var officer = await app.SignInAsync("enisey");

        // The organisation is picked by name from the district's own schools: no codes to type.
        var page = WebUtility.HtmlDecode(await officer.GetStringAsync("/users"));
        var picker = System.Text.RegularExpressions.Regex.Match(page, "<select[^>]*id=\"new-org\"[\\s\\S]*?</select>").Value;
        Assert.Equal(16, System.Text.RegularExpressions.Regex.Matches(picker, "<option value=\"demo-enisey-s\\d+\"").Count);
        Assert.DoesNotContain("demo-aksu", picker);
        Assert.DoesNotContain("value=\"demo-enisey\"", picker);
        Assert.DoesNotContain("(demo-", page);

        await officer.PostAsync("/users?handler=add", await MeraApp.FormAsync(officer, "/users", NewUser("s2user", "school", "demo-enisey-s02")));
        var foreign = WebUtility.HtmlDecode(await (await officer.PostAsync("/users?handler=add",
            await MeraApp.FormAsync(officer, "/users", NewUser("foreign", "school", "demo-aksu-s01")))).Content.ReadAsStringAsync());
        Assert.Contains("Нельзя создать пользователя", foreign);
        Assert.Contains("value=\"foreign\"", foreign); // what was typed stays
        await officer.PostAsync("/users?handler=add", await MeraApp.FormAsync(officer, "/users", NewUser("boss", "region", "demo-enisey")));
        await using (var context = db.Db.CreateContext())
        {
            Assert.True(await context.Users.AnyAsync(u => u.UserName == "s2user"));
            Assert.False(await context.Users.AnyAsync(u => u.UserName == "foreign" || u.UserName == "boss"));
        }
        var newcomer = await app.SignInAsync("s2user", "School-pass-2026");
        Assert.Equal(HttpStatusCode.OK, (await newcomer.GetAsync("/school")).StatusCode);

        string schoolId, regionId;
        await using (var context = db.Db.CreateContext())
        {
            schoolId = context.Users.Single(u => u.UserName == "school1").Id;
            regionId = context.Users.Single(u => u.UserName == "minobr").Id;
        }
        await officer.PostAsync($"/users?handler=reset&id={schoolId}", await MeraApp.FormAsync(officer, "/users", new() { ["Password"] = "Changed-by-mku-1" }));
        await app.SignInAsync("school1", "Changed-by-mku-1");
        var refused = await officer.PostAsync($"/users?handler=reset&id={regionId}", await MeraApp.FormAsync(officer, "/users", new() { ["Password"] = "Changed-by-mku-1" }));
        Assert.Contains("недоступен", await officer.GetStringAsync(refused.Headers.Location!.ToString()));
        await using (var context = db.Db.CreateContext())
        {
            Assert.Equal(2, await context.AuditLog.CountAsync(a => a.Entity == "user" && a.User == "enisey"));
        }
    }
}
