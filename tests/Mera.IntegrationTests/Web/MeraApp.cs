using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Mera.IntegrationTests.Web;

/// <summary>
/// The real web app over a test database that holds the demo (SQLite or PostgreSQL), and signed-in clients that
/// post forms with their antiforgery token as a browser would.
/// </summary>
public sealed class MeraApp : WebApplicationFactory<Mera.Web.Infrastructure.CurrentUser>
{
    private readonly TestDatabase _db;

    private readonly TimeProvider? _clock;

    private readonly IReadOnlyDictionary<string, string> _settings;

    private MeraApp(TestDatabase db, TimeProvider? clock = null, IReadOnlyDictionary<string, string>? settings = null) =>
        (_db, _clock, _settings) = (db, clock, settings ?? new Dictionary<string, string>());

    public TestDatabase Database => _db;

    /// <param name="clock">The app's clock (sessions, lockouts, deadlines), for tests that move time forward; by default the database's.</param>
    public static async Task<MeraApp> StartAsync(TestDatabase db, TimeProvider? clock = null)
    {
        await Cli.OkAsync(db, "db", "migrate");
        await Cli.OkAsync(db, "demo");
        return new MeraApp(db, clock);
    }

    /// <summary>A second web node on the same database (as behind nginx): no migration, no demo.</summary>
    public static MeraApp AnotherNode(TestDatabase db) => new(db);

    /// <summary>A node on a prepared database with settings of its own (e.g. MERA_DB_READ): no migration, no demo.</summary>
    public static MeraApp WithSettings(TestDatabase db, IReadOnlyDictionary<string, string> settings) => new(db, null, settings);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Mera", _db.ConnectionString);
        builder.UseSetting("MERA_DB_PROVIDER", _db.Provider);
        builder.UseSetting("MERA_REMINDERS", "off");
        builder.UseSetting("MERA_UPLOADS", Directory.CreateTempSubdirectory("mera-uploads-").FullName);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.UseEnvironment("Production");
        builder.ConfigureTestServices(s => s.AddSingleton(_clock ?? _db.Clock));
    }

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task<HttpClient> SignInAsync(string login, string password = Core.Features.Users.DemoUsers.Password)
    {
        var client = Anonymous();
        var response = await client.PostAsync("/login", await FormAsync(client, "/login", new() { ["Login"] = login, ["Password"] = password }));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in of {login}: {response.StatusCode}");
        return client;
    }

    /// <summary>The form fields plus the antiforgery token read from the page, as the browser sends them.</summary>
    public static async Task<FormUrlEncodedContent> FormAsync(HttpClient client, string pageUrl, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await TokenAsync(client, pageUrl);
        return new FormUrlEncodedContent(fields);
    }

    /// <summary>The antiforgery token of a page's forms, for posts the browser would make from it.</summary>
    public static async Task<string> TokenAsync(HttpClient client, string pageUrl)
    {
        var html = await client.GetStringAsync(pageUrl);
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), $"no antiforgery token on {pageUrl}");
        return token;
    }
}
