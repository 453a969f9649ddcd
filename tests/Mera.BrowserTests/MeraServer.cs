using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace Mera.BrowserTests;

/// <summary>
/// The real web app as a user runs it — a Kestrel process on a free loopback port over a fresh SQLite file with
/// the demo — and Debian's Chromium driven by Playwright (never a downloaded browser).
/// </summary>
public sealed class MeraServer : IAsyncLifetime
{
    private Process? _process;
    private string? _dir;
    private StreamWriter? _log;
    private readonly Lock _logLock = new();

    private void Log(string? line)
    {
        if (line is null) return;
        lock (_logLock) _log?.WriteLine(line);
    }

    public string BaseUrl { get; private set; } = "";
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public static string RepoRoot { get; } = FindRoot();

    /// <summary>Screenshots and the server's log; a run on another day (MERA_TEST_NOW) keeps its own beside them.</summary>
    public static string Artifacts { get; } = Directory.CreateDirectory(Path.Combine(RepoRoot, "tests", "Mera.BrowserTests", "artifacts",
        Environment.GetEnvironmentVariable(TestClock.Variable) is { Length: > 0 } day ? day : "")).FullName;

    public async Task InitializeAsync()
    {
        _dir = Directory.CreateTempSubdirectory("mera-browser-").FullName;
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var web = Path.Combine(RepoRoot, "src", "Mera.Web");
        var dll = Directory.GetFiles(Path.Combine(web, "bin"), "Mera.Web.dll", SearchOption.AllDirectories).OrderByDescending(File.GetLastWriteTimeUtc).First();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = web };
        foreach (var arg in new[] { dll, "--urls", BaseUrl, "--contentRoot", web })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["MERA_DB"] = Path.Combine(_dir, "mera.db");
        start.Environment["MERA_UPLOADS"] = Path.Combine(_dir, "uploads");
        start.Environment["MERA_REMINDERS"] = "off"; // no mail job racing the journeys for the database
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development"; // static files straight from wwwroot of the source tree
        // The server's clock starts at the tests' day, so the demo and the journeys agree on the running quarter.
        start.Environment[Core.Domain.Clock.StartVariable] = TestClock.Start.ToString("o", System.Globalization.CultureInfo.InvariantCulture);
        _process = Process.Start(start)!;
        // The server's log is kept beside the screenshots: a 500 in a journey is found there.
        _log = new StreamWriter(Path.Combine(Artifacts, "server.log"), append: false) { AutoFlush = true };
        _process.OutputDataReceived += (_, e) => Log(e.Data);
        _process.ErrorDataReceived += (_, e) => Log(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var http = new HttpClient();
        var waited = Stopwatch.StartNew(); // a start-up timeout: elapsed time, not the calendar
        while (true)
        {
            try
            {
                if ((await http.GetAsync(BaseUrl + "/health")).IsSuccessStatusCode) break;
            }
            catch (HttpRequestException) { }
            if (waited.Elapsed > TimeSpan.FromSeconds(90) || _process.HasExited) throw new InvalidOperationException("Mera.Web did not start");
            await Task.Delay(300);
        }
        var chromium = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("Debian chromium is not installed: run the tests with ./test.sh");
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = ["--no-sandbox"] });
    }

    public async Task<IPage> SignInAsync(string login)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 }, Locale = "ru-RU" });
        var page = await context.NewPageAsync();
        await new LoginPage(page, BaseUrl).SignInAsync(login, Core.Features.Users.DemoUsers.Password);
        return page;
    }

    /// <param name="fullPage">The whole page (journeys), or the first screen only (the crawl: a journal page is metres long).</param>
    public static Task ShotAsync(IPage page, string name, bool fullPage = true) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts, name + ".png"), FullPage = fullPage });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        Playwright?.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        lock (_logLock)
        {
            _log?.Dispose();
            _log = null;
        }
        try { if (_dir is not null) Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Mera.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("Mera.slnx not found above the test binaries");
    }
}

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<MeraServer>
{
    public const string Name = "server";
}
