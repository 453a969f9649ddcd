using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Mera.IntegrationTests.Reliability;

/// <summary>
/// Issue 22 §5: a real web process reports OpenTelemetry metrics on `/metrics` for Prometheus — to the admin network
/// only — counts the values it writes, and writes JSON log lines that carry the trace id a problem answer quotes.
/// </summary>
public class ObservabilityTests
{
    [Fact]
    public async Task Metrics_reach_the_admin_network_only_and_logs_carry_the_trace_id()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await Cli.OkAsync(db, "db", "migrate");
        await Cli.OkAsync(db, "demo");
        var port = WebCrashTests.FreePort();
        var lines = new ConcurrentQueue<string>();
        using var web = WebCrashTests.StartWeb(db, port,
            new Dictionary<string, string> { ["MERA_LOG_FORMAT"] = "json", ["MERA_METRICS_NETWORKS"] = "198.51.100.0/24" }, lines.Enqueue);
        try
        {
            using var anonymous = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WebCrashTests.WaitHealthyAsync(anonymous);
            var officer = await SignInAsync(port, "enisey");
            var written = await officer.PostAsJsonAsync("/api/v1/datavalues",
                new[] { new { org = "demo-enisey-s02", element = "contingent.teachers", period = TestClock.NextYear, value = "61" } });
            Assert.Equal(HttpStatusCode.OK, written.StatusCode);
            var viewer = await SignInAsync(port, "viewer");
            var refused = await viewer.PostAsJsonAsync("/api/v1/datavalues",
                new[] { new { org = "demo-enisey-s02", element = "contingent.teachers", period = TestClock.NextYear, value = "62" } });
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            var traceId = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("traceId").GetString()!;
            Assert.Matches("^[0-9a-f]{32}$", traceId);

            // From loopback (the node itself) and from the admin network behind the proxy: the scrape answers.
            var metrics = await anonymous.GetStringAsync("/metrics");
            Assert.Contains("mera_values_written", metrics);
            Assert.Contains("channel=\"api\"", metrics);
            Assert.Contains("http_server_request_duration_seconds", metrics);
            Assert.Equal(HttpStatusCode.OK, (await Forwarded(anonymous, "198.51.100.7")).StatusCode);
            // From anywhere else (a client reaching the node through nginx): no such page.
            Assert.Equal(HttpStatusCode.NotFound, (await Forwarded(anonymous, "203.0.113.9")).StatusCode);

            // The refused write's log line carries the trace id the answer quoted.
            for (var i = 0; i < 50 && !lines.Any(l => l.Contains("API write refused")); i++)
            {
                await Task.Delay(100);
            }
            var logged = lines.Where(l => l.Contains("API write refused")).Select(l => JsonDocument.Parse(l).RootElement).Single();
            Assert.Contains(traceId, logged.GetRawText());
            await Reliability.RecordAsync("observability",
                $"/metrics: {metrics.Split('\n').Count(l => l.StartsWith("mera_"))} lines of Mera's own metrics, {metrics.Split('\n').Count(l => l.StartsWith("http_server"))} of ASP.NET Core's; log line of a refused API write carries trace id {traceId}");
        }
        finally
        {
            web.Kill(entireProcessTree: true);
            await web.WaitForExitAsync();
        }
    }

    private static Task<HttpResponseMessage> Forwarded(HttpClient client, string address)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add("X-Forwarded-For", address);
        return client.SendAsync(request);
    }

    private static async Task<HttpClient> SignInAsync(int port, string login)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
        };
        var response = await client.PostAsync("/login", await Web.MeraApp.FormAsync(client, "/login",
            new() { ["Login"] = login, ["Password"] = Core.Features.Users.DemoUsers.Password }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
