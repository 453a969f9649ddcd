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
        var browser = new Browser(first.CreateClient(options), second.CreateClient(options));

        // Sign in on node A; the browser keeps the cookies by hand.
        await browser.SignInAsync("school1");

        // Node B reads node A's cookie.
        var onB = await browser.SendAsync(1, HttpMethod.Get, "/school");
        Assert.Equal(HttpStatusCode.OK, onB.StatusCode);

        // A form served by A, saved through B.
        var url = $"/forms/openschool/{TestClock.Quarter.Code}?org=demo-enisey-s01";
        var page = await browser.GetAsync(0, url);
        var save = await browser.SendAsync(1, HttpMethod.Post, url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Values[openschool.students.registered]"] = "300", ["Values[openschool.students.inactive]"] = "10",
            ["Values[openschool.teachers.registered]"] = "20", ["Values[openschool.teachers.inactive]"] = "1",
            ["Comment"] = "два узла", ["action"] = "draft", ["__RequestVerificationToken"] = Browser.Token(page),
        }));
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);

        // The key ring is in the database (not in a node's home folder, which two servers would not share).
        await using var context = db.Db.CreateContext();
        Assert.NotEmpty(await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(context.DataProtectionKeys));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_file_previewed_on_one_node_is_loaded_through_the_other(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var first = await MeraApp.StartAsync(db);
        await using var second = MeraApp.AnotherNode(db);
        var browser = new Browser(first.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }),
            second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }));
        await browser.SignInAsync("enisey");

        // Previewed on node A: the file is kept in the database, not on A's disk.
        var csv = TestData.ValuesHeader + $"\ndemo-enisey-s02,contingent.teachers,{TestClock.NextYear},62\n";
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(Browser.Token(await browser.GetAsync(0, "/imports"))), "__RequestVerificationToken" },
            { new StringContent("values"), "Kind" }, { new StringContent("demo-enisey"), "Org" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", "план.csv" },
        };
        var preview = await (await browser.SendAsync(0, HttpMethod.Post, "/imports?handler=preview", upload)).Content.ReadAsStringAsync();
        var token = Regex.Match(preview, "name=\"Token\" value=\"([0-9a-f]{32})\"").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), "the preview offers «Загрузить»");

        // Confirmed through node B, which never saw the file.
        var confirm = await browser.SendAsync(1, HttpMethod.Post, "/imports?handler=confirm", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Token"] = token, ["__RequestVerificationToken"] = Browser.Token(await browser.GetAsync(1, "/imports")),
        }));
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        await using var context = db.Db.CreateContext();
        var batch = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(context.ImportBatches.OrderByDescending(b => b.Id));
        Assert.Equal(("values", "план.csv", 1), (batch.Kind, batch.FileName, batch.ValuesWritten));
        // Loaded once: the upload is gone for both nodes.
        var again = await browser.SendAsync(0, HttpMethod.Post, "/imports?handler=confirm", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Token"] = token, ["__RequestVerificationToken"] = Browser.Token(await browser.GetAsync(0, "/imports")),
        }));
        Assert.Contains("Файл для загрузки не найден", System.Net.WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()));
    }

    /// <summary>One user's cookies carried by hand between nodes, as a browser behind nginx would send them to either.</summary>
    private sealed class Browser(params HttpClient[] nodes)
    {
        private readonly Dictionary<string, string> _cookies = [];

        public static string Token(string html) => Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

        public async Task SignInAsync(string login)
        {
            var html = await GetAsync(0, "/login");
            var signIn = await SendAsync(0, HttpMethod.Post, "/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Login"] = login, ["Password"] = Core.Features.Users.DemoUsers.Password, ["__RequestVerificationToken"] = Token(html),
            }));
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            Assert.True(_cookies.ContainsKey("mera.auth"));
        }

        public async Task<string> GetAsync(int node, string url) => await (await SendAsync(node, HttpMethod.Get, url)).Content.ReadAsStringAsync();

        public async Task<HttpResponseMessage> SendAsync(int node, HttpMethod method, string url, HttpContent? content = null)
        {
            var request = new HttpRequestMessage(method, url) { Content = content };
            if (_cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            }
            var response = await nodes[node].SendAsync(request);
            foreach (var c in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = c.Split(';')[0].Split('=', 2);
                _cookies[pair[0]] = pair[1];
            }
            return response;
        }
    }
}
