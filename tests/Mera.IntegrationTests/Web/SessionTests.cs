using System.Net;

namespace Mera.IntegrationTests.Web;

/// <summary>Issue 8 §4: sessions end after 8 idle hours, and at once (within the check interval) when an account is locked or its password reset.</summary>
[Trait("Category", "Calendar")]
public class SessionTests
{
    private static async Task<HttpStatusCode> DashboardAsync(HttpClient client)
    {
        var response = await client.GetAsync("/dashboard");
        Assert.True(response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location!.PathAndQuery.StartsWith("/login"),
            $"unexpected redirect to {response.Headers.Location}");
        return response.StatusCode;
    }

    [Fact]
    public async Task A_session_slides_while_used_and_ends_after_eight_idle_hours()
    {
        var clock = new MovableClock();
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var app = await MeraApp.StartAsync(db, clock);
        var busy = await app.SignInAsync("enisey");
        var idle = await app.SignInAsync("school1");

        clock.Advance(TimeSpan.FromHours(5));
        Assert.Equal(HttpStatusCode.OK, await DashboardAsync(busy)); // past half the lifetime: the cookie is renewed
        clock.Advance(TimeSpan.FromHours(5));
        Assert.Equal(HttpStatusCode.OK, await DashboardAsync(busy)); // 10 hours after sign-in, 5 after the last request
        Assert.Equal(HttpStatusCode.Redirect, await DashboardAsync(idle)); // 10 idle hours
        Assert.Equal(HttpStatusCode.Unauthorized, (await idle.GetAsync("/api/v1/elements")).StatusCode);
    }

    [Fact]
    public async Task Locking_an_account_or_resetting_its_password_ends_its_open_sessions()
    {
        var clock = new MovableClock();
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var app = await MeraApp.StartAsync(db, clock);
        var officer = await app.SignInAsync("enisey");
        var school = await app.SignInAsync("school1");
        var viewer = await app.SignInAsync("viewer");
        var admin = await app.SignInAsync("admin"); // the viewer is bound to the municipality itself: a peer of the officer
        string schoolId, viewerId;
        await using (var context = db.Db.CreateContext())
        {
            schoolId = context.Users.Single(u => u.UserName == "school1").Id;
            viewerId = context.Users.Single(u => u.UserName == "viewer").Id;
        }

        await officer.PostAsync($"/users?handler=lock&id={schoolId}&locked=true", await MeraApp.FormAsync(officer, "/users", new()));
        await admin.PostAsync($"/users?handler=reset&id={viewerId}", await MeraApp.FormAsync(admin, "/users", new() { ["Password"] = "Changed-by-mku-1" }));
        clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(HttpStatusCode.Redirect, await DashboardAsync(school));
        Assert.Equal(HttpStatusCode.Redirect, await DashboardAsync(viewer));
        Assert.Equal(HttpStatusCode.OK, await DashboardAsync(officer));
        var again = app.Anonymous();
        var refused = await again.PostAsync("/login", await MeraApp.FormAsync(again, "/login", new() { ["Login"] = "school1", ["Password"] = Core.Features.Users.DemoUsers.Password }));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode); // the form again, with a message: no cookie
        await app.SignInAsync("viewer", "Changed-by-mku-1");
    }
}
