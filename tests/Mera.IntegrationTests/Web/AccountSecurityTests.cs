using System.Net;
using Mera.Core.Features.Users;
using Microsoft.EntityFrameworkCore;

namespace Mera.IntegrationTests.Web;

/// <summary>
/// Issue 17 (medium findings): API tokens expire and die with a password reset or a lock; a region officer does not
/// manage a peer of the same region org; a password reset does not lift a lock unless asked.
/// </summary>
[Trait("Category", "Calendar")]
public class AccountSecurityTests
{
    private static async Task<HttpStatusCode> CallAsync(MeraApp app, string token)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return (await client.GetAsync("/api/v1/elements")).StatusCode;
    }

    private static string IdOf(TestDatabase db, string login)
    {
        using var context = db.Db.CreateContext();
        return context.Users.Single(u => u.UserName == login).Id;
    }

    [Fact]
    public async Task A_token_expires_and_ends_with_a_password_reset_a_lock_and_a_revocation()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var app = await MeraApp.StartAsync(db);
        var admin = await app.SignInAsync("admin");
        var enisey = IdOf(db, "enisey");

        var token = await IssueApiToken.RunAsync(db.Db, enisey, db.Clock);
        Assert.Equal(HttpStatusCode.OK, await CallAsync(app, token));
        await admin.PostAsync($"/users?handler=reset&id={enisey}", await MeraApp.FormAsync(admin, "/users", new() { ["Password"] = "Reset-by-admin-1" }));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(app, token));

        token = await IssueApiToken.RunAsync(db.Db, enisey, db.Clock);
        await admin.PostAsync($"/users?handler=lock&id={enisey}&locked=true", await MeraApp.FormAsync(admin, "/users", []));
        await admin.PostAsync($"/users?handler=lock&id={enisey}&locked=false", await MeraApp.FormAsync(admin, "/users", []));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(app, token)); // unlocking does not bring it back

        token = await IssueApiToken.RunAsync(db.Db, enisey, db.Clock);
        var officer = await app.SignInAsync("enisey", "Reset-by-admin-1");
        Assert.Equal(HttpStatusCode.OK, await CallAsync(app, token));
        var profile = await officer.GetStringAsync("/account");
        Assert.Contains($"до {TestClock.Today.AddDays(90):dd.MM.yyyy}", profile);
        Assert.Contains("последнее использование", profile);
        await officer.PostAsync("/account?handler=revoke", await MeraApp.FormAsync(officer, "/account", []));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(app, token));

        token = await IssueApiToken.RunAsync(db.Db, enisey, db.Clock);
        db.Clock.Advance(TimeSpan.FromDays(89));
        Assert.Equal(HttpStatusCode.OK, await CallAsync(app, token));
        db.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(app, token));

        await using var context = db.Db.CreateContext();
        Assert.True(await context.AuditLog.AnyAsync(a => a.Action == "user.api_token_revoke" && a.User == "enisey"));
    }

    [Fact]
    public async Task A_region_officer_does_not_manage_a_peer_and_a_reset_keeps_a_lock_unless_asked()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var app = await MeraApp.StartAsync(db);
        await Cli.OkAsync(db, "users", "add", "--login", "minobr2", "--role", "region", "--org", "demo", "--password", "Second-officer-2026");
        var region = await app.SignInAsync("minobr");
        var peer = IdOf(db, "minobr2");

        Assert.DoesNotContain($"id={peer}", await region.GetStringAsync("/users"));
        await region.PostAsync($"/users?handler=reset&id={peer}", await MeraApp.FormAsync(region, "/users", new() { ["Password"] = "Taken-over-2026" }));
        await region.PostAsync($"/users?handler=lock&id={peer}&locked=true", await MeraApp.FormAsync(region, "/users", []));
        await app.SignInAsync("minobr2", "Second-officer-2026");
        await using (var context = db.Db.CreateContext())
        {
            Assert.Null((await context.Users.SingleAsync(u => u.Id == peer)).LockoutEnd);
        }

        // A school's user, locked by the municipality, gets a new password and stays locked until asked.
        var officer = await app.SignInAsync("enisey");
        var school = IdOf(db, "school1");
        await officer.PostAsync($"/users?handler=lock&id={school}&locked=true", await MeraApp.FormAsync(officer, "/users", []));
        await officer.PostAsync($"/users?handler=reset&id={school}", await MeraApp.FormAsync(officer, "/users", new() { ["Password"] = "New-school-pass-1" }));
        var anonymous = app.Anonymous();
        var locked = await anonymous.PostAsync("/login", await MeraApp.FormAsync(anonymous, "/login",
            new() { ["Login"] = "school1", ["Password"] = "New-school-pass-1" }));
        Assert.NotEqual(HttpStatusCode.Redirect, locked.StatusCode);
        await officer.PostAsync($"/users?handler=reset&id={school}", await MeraApp.FormAsync(officer, "/users",
            new() { ["Password"] = "New-school-pass-2", ["Unlock"] = "true" }));
        await app.SignInAsync("school1", "New-school-pass-2");
    }
}

/// <summary>Issue 17 (low findings): impossible periods and dates are answered as bad input, never as a server error.</summary>
[Trait("Category", "Calendar")]
public class OutOfRangeInputTests
{
    private static readonly string[] Urls =
    [
        "/dashboard?period=0001Q1", "/dashboard?period=9999", "/values?org=demo-enisey&period=0001Q1&indicator=dm.students.profile",
        "/roadmap?asOf=31.12.9999", "/api/v1/indicators?period=0001Q1", "/api/v1/datavalues?period=9999-W52",
        "/reports/summary.xlsx?org=demo-enisey&period=0001Q1", "/forms/openschool/0001Q1", "/monitor?form=openschool&period=0001Q1",
    ];

    [Fact]
    public async Task An_impossible_period_or_date_is_not_a_server_error()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var app = await MeraApp.StartAsync(db);
        var officer = await app.SignInAsync("enisey");
        foreach (var url in Urls)
        {
            var response = await officer.GetAsync(url);
            Assert.True((int)response.StatusCode < 500, $"{url}: {(int)response.StatusCode}");
            if (url.StartsWith("/api"))
            {
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                Assert.Contains("1900", await response.Content.ReadAsStringAsync());
            }
        }
    }
}
