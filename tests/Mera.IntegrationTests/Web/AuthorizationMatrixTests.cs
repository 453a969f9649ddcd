using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace Mera.IntegrationTests.Web;

/// <summary>Every page and endpoint, as every role, against its own and a foreign org unit.</summary>
[Trait("Category", "Calendar")]
public class AuthorizationMatrixTests
{
    private static readonly string P = TestClock.LastQuarter.Code;
    private static readonly string Q = TestClock.Quarter.Code;

    // (url, expected status per role: admin, minobr (region), enisey (municipality), school1 (school), viewer (demo-enisey))
    public static TheoryData<string, int[]> Matrix => new()
    {
        { "/dashboard", [200, 200, 200, 200, 200] },
        { "/dashboard?org=demo-aksu", [200, 200, 404, 404, 404] },
        { "/dashboard?org=demo-enisey-s02", [200, 200, 200, 404, 200] },
        { "/dashboard?org=nonexistent", [404, 404, 404, 404, 404] },
        { $"/values?org=demo-enisey-s02&period={P}&indicator=dm.students.profile", [200, 200, 200, 404, 200] },
        { $"/values?org=demo-aksu-s01&period={P}&indicator=dm.students.profile", [200, 200, 404, 404, 404] },
        { "/school", [404, 404, 404, 200, 404] },
        { "/school?org=demo-enisey-s02", [200, 200, 200, 404, 200] },
        { $"/forms/openschool/{Q}?org=demo-enisey-s01", [200, 200, 200, 200, 200] },
        { $"/forms/openschool/{Q}?org=demo-enisey-s02", [200, 200, 200, 404, 200] },
        { $"/forms/openschool/{Q}?org=demo-aksu-s01", [200, 200, 404, 404, 404] },
        { "/monitor", [200, 200, 200, 403, 200] },
        { "/monitor?org=demo-aksu", [200, 200, 404, 404, 404] },
        { "/obligations", [200, 200, 200, 403, 200] },
        { "/obligations?org=demo-aksu", [200, 200, 404, 404, 404] },
        { "/obligations?handler=snapshot&org=demo-aksu&form=municipal-summary&period=2026Q3", [404, 404, 404, 404, 404] },
        { "/imports", [200, 403, 200, 403, 403] },
        { "/imports?org=demo-aksu", [200, 403, 404, 404, 404] },
        { "/account", [200, 200, 200, 200, 200] },
        { "/ranking", [200, 200, 200, 404, 200] },
        { "/ranking?org=demo-aksu", [200, 200, 404, 404, 404] },
        { "/users", [200, 200, 200, 403, 403] },
        { "/targets?org=demo-enisey", [200, 200, 200, 404, 200] },
        { "/targets?org=demo-aksu", [200, 200, 404, 404, 404] },
        { "/targets", [200, 200, 200, 200, 200] },
        { "/roadmap?org=demo-aksu", [200, 200, 404, 404, 404] },
        { "/roadmap", [200, 200, 200, 200, 200] },
        { "/agreement?org=demo-aksu", [200, 200, 404, 404, 404] },
        { $"/forms/openschool/{Q}?handler=template&org=demo-aksu-s01", [200, 200, 404, 404, 404] },
        { $"/forms/openschool/{Q}?handler=template&org=demo-enisey-s01", [200, 200, 200, 200, 200] },
        { $"/api/v1/indicators?period={P}", [200, 200, 200, 200, 200] },
        { $"/api/v1/indicators?org=demo-aksu&period={P}", [200, 200, 403, 403, 403] },
        { "/api/v1/orgunits?parent=demo-enisey", [200, 200, 200, 403, 200] },
        { "/api/v1/orgunits/demo-enisey-s02", [200, 200, 200, 403, 200] },
        { $"/api/v1/datavalues?org=demo-aksu-s01&period={P}", [200, 200, 403, 403, 403] },
        { $"/api/v1/submissions?form=openschool&period={P}&org=demo-aksu", [200, 200, 403, 403, 403] },
        { "/api/v1/imports?org=demo-enisey", [200, 403, 200, 403, 403] },
        { "/api/v1/elements", [200, 200, 200, 200, 200] },
        { $"/reports/summary.xlsx?org=demo-enisey&period={P}", [200, 200, 200, 404, 200] },
        { $"/reports/summary.docx?org=demo-aksu&period={P}", [200, 200, 404, 404, 404] },
        { $"/reports/summary.csv?org=demo-enisey-s01&period={P}", [200, 200, 200, 200, 200] },
        { $"/reports/schools.xlsx?org=demo-aksu&period={P}", [200, 200, 404, 404, 404] },
        { $"/reports/collegium.docx?org=demo-enisey&period={P}", [200, 200, 200, 404, 200] },
        { $"/reports/agreement.xlsx?org=demo-enisey&period={P}", [200, 200, 200, 404, 200] },
        { $"/reports/submissions.xlsx?org=demo-aksu&period={P}&form=openschool", [200, 200, 404, 404, 404] },
        { $"/reports/unknown.xlsx?org=demo-enisey&period={P}", [404, 404, 404, 404, 404] },
        { "/audit", [200, 200, 200, 403, 403] },
        { "/audit?org=demo-aksu", [200, 200, 404, 403, 403] },
        { "/audit?handler=csv&org=demo-enisey", [200, 200, 200, 403, 403] },
        { "/catalog", [200, 403, 403, 403, 403] },
    };

    private static readonly string[] Logins = ["admin", "minobr", "enisey", "school1", "viewer"];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_role_reaches_its_own_subtree_and_nothing_else(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = await MeraApp.StartAsync(db);
        var failures = new List<string>();
        foreach (var (login, index) in Logins.Select((l, i) => (l, i)))
        {
            var client = await app.SignInAsync(login);
            foreach (var row in Matrix)
            {
                var (url, expected) = ((string)row[0], (int[])row[1]);
                var status = (int)(await client.GetAsync(url)).StatusCode;
                if (status != expected[index])
                {
                    failures.Add($"{login} {url}: {status}, expected {expected[index]}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Without_sign_in_pages_redirect_and_the_api_answers_401()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var app = await MeraApp.StartAsync(db);
        var client = app.Anonymous();
        foreach (var row in Matrix)
        {
            var url = (string)row[0];
            var response = await client.GetAsync(url);
            if (url.StartsWith("/api"))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            }
            else
            {
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery);
            }
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/datavalues", Array.Empty<object>())).StatusCode);
    }

    [Fact]
    public async Task Api_token_carries_the_users_rights_and_writes_are_checked_per_org()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var app = await MeraApp.StartAsync(db);
        string userId;
        await using (var context = db.Db.CreateContext())
        {
            userId = context.Users.Single(u => u.UserName == "enisey").Id;
        }
        var token = await Core.Features.Users.IssueApiToken.RunAsync(db.Db, userId, db.Clock);
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/indicators?org=demo-enisey&period={P}&children=true")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/indicators?org=demo-aksu&period={P}")).StatusCode);

        var foreign = await client.PostAsJsonAsync("/api/v1/datavalues", new[] { new { org = "demo-aksu-s01", element = "contingent.teachers", period = TestClock.Year, value = "1" } });
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Contains("недоступна для ввода", await foreign.Content.ReadAsStringAsync());

        var own = await client.PostAsJsonAsync("/api/v1/datavalues", new[] { new { org = "demo-enisey-s02", element = "contingent.teachers", period = TestClock.NextYear, value = "61" } });
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        await using (var context = db.Db.CreateContext())
        {
            var stored = context.DataValues.Single(v => v.PeriodCode == TestClock.NextYear && v.ChangedBy == "enisey");
            Assert.Equal(61, stored.Value);
        }

        // A JSON number is a value as well as a string is (it answered 500 before).
        var number = await client.PostAsync("/api/v1/datavalues", new StringContent(
            $"[{{\"org\":\"demo-enisey-s02\",\"element\":\"contingent.teachers\",\"period\":\"{TestClock.NextYear}\",\"value\":62}}]",
            System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, number.StatusCode);
        await using (var context = db.Db.CreateContext())
        {
            Assert.Equal(62, context.DataValues.Single(v => v.PeriodCode == TestClock.NextYear && v.ChangedBy == "enisey").Value);
        }

        client.DefaultRequestHeaders.Authorization = new("Bearer", token + "x");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/elements")).StatusCode);
    }

    [Fact]
    public async Task Security_headers_and_lockout_after_five_wrong_passwords()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var app = await MeraApp.StartAsync(db);
        var client = app.Anonymous();
        var login = await client.GetAsync("/login");
        Assert.Contains("frame-ancestors 'none'", login.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", login.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", login.Headers.GetValues("X-Frame-Options").Single());

        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostAsync("/login", await MeraApp.FormAsync(client, "/login", new() { ["Login"] = "school1", ["Password"] = "wrong-Password1" }));
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        var locked = await client.PostAsync("/login", await MeraApp.FormAsync(client, "/login", new() { ["Login"] = "school1", ["Password"] = Core.Features.Users.DemoUsers.Password }));
        Assert.Contains("Слишком много неудачных попыток", await locked.Content.ReadAsStringAsync());
        // Held back is this address for this login, not the account: nobody locks another person out with five requests.
        await using (var context = db.Db.CreateContext())
        {
            Assert.Null((await context.Users.SingleAsync(u => u.UserName == "school1")).LockoutEnd);
        }
        await app.SignInAsync("enisey");
        // An unknown login is answered like a wrong password.
        var unknown = await client.PostAsync("/login", await MeraApp.FormAsync(client, "/login", new() { ["Login"] = "nobody-here", ["Password"] = "wrong-Password1" }));
        Assert.Contains("Неверный логин или пароль", await unknown.Content.ReadAsStringAsync());

        var noToken = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["Login"] = "enisey", ["Password"] = Core.Features.Users.DemoUsers.Password }));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode); // antiforgery
    }

    [Fact]
    public async Task Sign_in_attempts_are_throttled_per_address_and_weak_passwords_refused()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var app = await MeraApp.StartAsync(db);
        var client = app.Anonymous();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 21; i++)
        {
            var attempt = await client.PostAsync("/login", await MeraApp.FormAsync(client, "/login", new() { ["Login"] = "nobody", ["Password"] = "Wrong-pass-2026" }));
            statuses.Add(attempt.StatusCode);
            if (attempt.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Contains("Слишком много попыток входа", await attempt.Content.ReadAsStringAsync());
                Assert.Equal("60", attempt.Headers.GetValues("Retry-After").Single());
            }
        }
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 20).Append(HttpStatusCode.TooManyRequests), statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/login")).StatusCode); // the page itself stays open

        var run = await Cli.RunAsync(db, "users", "add", "--login", "weak", "--role", "school", "--org", "demo-enisey-s02", "--password", "password");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("пароль должен быть не короче 10 символов", run.Error);
        Assert.Contains("хотя бы одна цифра", run.Error);
    }
}
