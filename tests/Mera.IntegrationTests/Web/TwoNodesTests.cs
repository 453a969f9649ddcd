using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Mera.IntegrationTests.Web;

/// <summary>
/// Two web nodes on one database, as behind nginx: a user signed in on one is signed in on the other, and a form
/// page served by one can be posted to the other — the Data Protection keys live in the database.
/// </summary>
[Trait("Category", "Calendar")]
public class TwoNodesTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_session_and_a_form_token_from_one_node_work_on_the_other(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var first = await MeraApp.StartAsync(db);
        await using var second = MeraApp.AnotherNode(db);
        var options = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false };
        var a = first.CreateClient(options);
        var b = second.CreateClient(options);

        // Sign in on node A, keeping the cookies by hand.
        var cookies = new Dictionary<string, string>();
        void Keep(HttpResponseMessage r)
        {
            foreach (var c in r.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = c.Split(';')[0].Split('=', 2);
                cookies[pair[0]] = pair[1];
            }
        }
        HttpRequestMessage Request(HttpMethod method, string url, HttpContent? content = null)
        {
            var m = new HttpRequestMessage(method, url) { Content = content };
            if (cookies.Count > 0)
            {
                m.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
            }
            return m;
        }
        static string Token(string html) => Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

        var login = await a.SendAsync(Request(HttpMethod.Get, "/login"));
        Keep(login);
        var signIn = await a.SendAsync(Request(HttpMethod.Post, "/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Login"] = "school1", ["Password"] = Core.Features.Users.DemoUsers.Password, ["__RequestVerificationToken"] = Token(await login.Content.ReadAsStringAsync()),
        })));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Keep(signIn);
        Assert.True(cookies.ContainsKey("mera.auth"));

        // Node B reads node A's cookie.
        var onB = await b.SendAsync(Request(HttpMethod.Get, "/school"));
        Assert.Equal(HttpStatusCode.OK, onB.StatusCode);

        // A form served by A, saved through B.
        var page = await a.SendAsync(Request(HttpMethod.Get, $"/forms/openschool/{TestClock.Quarter.Code}?org=demo-enisey-s01"));
        Keep(page);
        var save = await b.SendAsync(Request(HttpMethod.Post, $"/forms/openschool/{TestClock.Quarter.Code}?org=demo-enisey-s01", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Values[openschool.students.registered]"] = "300", ["Values[openschool.students.inactive]"] = "10",
            ["Values[openschool.teachers.registered]"] = "20", ["Values[openschool.teachers.inactive]"] = "1",
            ["Comment"] = "два узла", ["action"] = "draft", ["__RequestVerificationToken"] = Token(await page.Content.ReadAsStringAsync()),
        })));
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);

        // The key ring is in the database (not in a node's home folder, which two servers would not share).
        await using var context = db.Db.CreateContext();
        Assert.NotEmpty(await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(context.DataProtectionKeys));
    }
}
