using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace Mera.IntegrationTests.Reliability;

/// <summary>
/// Issue 8 §2: the web process killed with SIGKILL while it saves a large batch of values posted to the API leaves
/// all of the batch or none of it, the next start is clean, and the same request then lands.
/// </summary>
[Trait("Category", "Calendar")]
public class WebCrashTests
{
    // Elements the municipality may type in for its schools (a platform's are only imported); the registered counts large,
    // so the inactive ones never exceed them (DOMAIN §4 rules).
    private static readonly (string Code, int Base)[] Elements =
    [
        ("openschool.students.registered", 50_000), ("openschool.students.inactive", 0),
        ("openschool.teachers.registered", 50_000), ("openschool.teachers.inactive", 0),
    ];

    /// <summary>Twenty years of quarters long past (no form of them was ever accepted): 80 periods.</summary>
    private static readonly string[] Quarters = Enumerable.Range(2000, 20).SelectMany(y => Enumerable.Range(1, 4).Select(q => $"{y}Q{q}")).ToArray();

    internal static Process StartWeb(TestDatabase db, int port, IReadOnlyDictionary<string, string>? environment = null, Action<string>? output = null)
    {
        var project = Path.Combine(Mera.Core.Data.DbSettings.RepositoryRoot(), "src", "Mera.Web");
        var dll = Path.Combine(project, "bin", "Debug", "net10.0", "Mera.Web.dll");
        Assert.True(File.Exists(dll), "build the solution first (./test.sh does)");
        // The project folder is the content root, as with `dotnet run`.
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = project, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["MERA_DB"] = db.ConnectionString;
        start.Environment["MERA_DB_PROVIDER"] = db.Provider;
        start.Environment["MERA_REMINDERS"] = "off";
        start.Environment[Core.Domain.Clock.StartVariable] = TestClock.Start.ToString("o", System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["MERA_UPLOADS"] = Directory.CreateTempSubdirectory("mera-uploads-").FullName;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { output?.Invoke(e.Data); } };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    internal static async Task WaitHealthyAsync(HttpClient client)
    {
        for (var i = 0; i < 300; i++)
        {
            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        Assert.Fail("the web app did not start in 30 s");
    }

    internal static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [Fact]
    public async Task A_web_save_killed_mid_request_leaves_all_or_nothing_and_the_retry_lands()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await Cli.OkAsync(db, "db", "migrate");
        await Cli.OkAsync(db, "demo");
        List<string> schools;
        string token;
        await using (var context = db.Db.CreateContext())
        {
            var path = context.OrgUnits.Single(o => o.Code == "demo-enisey").Path;
            schools = await context.OrgUnits.Where(o => o.Path.StartsWith(path) && o.Type == Core.Domain.OrgUnitType.School).Select(o => o.Code).ToListAsync();
            token = await Core.Features.Users.IssueApiToken.RunAsync(db.Db, context.Users.Single(u => u.UserName == "enisey").Id, db.Clock);
        }
        var (all, none) = (0, 0);
        var delays = new[] { 100, 250, 400, 700, 1200 };
        var retryTimes = new List<long>();
        for (var round = 0; round < delays.Length; round++)
        {
            // Each round writes the same periods with its own numbers (round × 100 000 + …), so what a killed round left
            // is told apart from what the previous round's retry stored.
            var items = (from s in schools from e in Elements from q in Quarters.Select((code, i) => (code, i))
                         select new Core.Features.Values.SaveValues.Item(s, e.Code, q.code, (RoundBase(round) + e.Base + q.i).ToString())).ToList();
            var port = FreePort();
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(2) };
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
            using (var web = StartWeb(db, port))
            await using (Killed(web))
            {
                await WaitHealthyAsync(client);
                var post = client.PostAsJsonAsync("/api/v1/datavalues", items);
                await Task.Delay(delays[round]);
                web.Kill(entireProcessTree: true);
                await web.WaitForExitAsync();
                try
                {
                    (await post).Dispose();
                }
                catch (HttpRequestException)
                {
                    // The connection died with the process: the client cannot know whether the save landed.
                }
                catch (TaskCanceledException)
                {
                }
            }
            var stored = await CountAsync(db, round);
            Assert.True(stored is 0 || stored == items.Count, $"round {round}: {stored} of {items.Count} values after the kill");
            (all, none) = stored == 0 ? (all, none + 1) : (all + 1, none);

            using var retry = StartWeb(db, port);
            await using var stopRetry = Killed(retry);
            await WaitHealthyAsync(client);
            var clock = Stopwatch.StartNew();
            var again = await client.PostAsJsonAsync("/api/v1/datavalues", items);
            retryTimes.Add(clock.ElapsedMilliseconds);
            Assert.True(again.IsSuccessStatusCode, await again.Content.ReadAsStringAsync());
            retry.Kill(entireProcessTree: true);
            await retry.WaitForExitAsync();
            Assert.Equal(items.Count, await CountAsync(db, round));
        }
        await Reliability.RecordAsync("webcrash",
            $"{delays.Length} API saves of {schools.Count * Elements.Length * Quarters.Length} values killed with SIGKILL mid-request: {none} left nothing, {all} had committed everything, 0 partial; every retry landed (a save takes {retryTimes.Min()}–{retryTimes.Max()} ms; kills at {string.Join(", ", delays)} ms)");
    }

    /// <summary>Kills the process when the test leaves its scope, failed or not: no web app outlives the test.</summary>
    private static IAsyncDisposable Killed(Process process) => new Stopper(process);

    private sealed class Stopper(Process process) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
            await process.WaitForExitAsync();
        }
    }

    private static int RoundBase(int round) => (round + 1) * 100_000;

    /// <summary>The values that carry this round's numbers.</summary>
    private static async Task<int> CountAsync(TestDatabase db, int round)
    {
        await using var context = db.Db.CreateContext();
        Assert.Equal(["ok"], await context.Database.SqlQueryRaw<string>("PRAGMA integrity_check").ToListAsync());
        var (from, to) = (RoundBase(round), RoundBase(round + 1));
        return await context.DataValues.CountAsync(v => Quarters.Contains(v.PeriodCode) && v.Value >= from && v.Value < to);
    }
}
