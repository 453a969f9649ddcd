using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using Mera.Core.Features.Imports;
using Mera.Core.Reading;
using Mera.IntegrationTests.Web;

namespace Mera.IntegrationTests.Reliability;

/// <summary>
/// Issue 17 §4: limits that hold under hostile files — an archive is bounded by what it really inflates to and leaves
/// nothing behind when refused; a shared-string bomb is refused before it is read; PDF conversions queue; and the web
/// server's memory stays under 1 GiB while all of these arrive at once.
/// </summary>
public class ResourceLimitTests
{
    /// <summary>Three «templates» of 60 MB of zeros each: a few kilobytes zipped.</summary>
    private static string ZipBomb(string folder)
    {
        var path = Path.Combine(folder, "почта.zip");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        var zeros = new byte[1 << 20];
        for (var i = 1; i <= 3; i++)
        {
            using var entry = zip.CreateEntry($"школа{i}.xlsx", CompressionLevel.SmallestSize).Open();
            for (var mb = 0; mb < 60; mb++)
            {
                entry.Write(zeros);
            }
        }
        return path;
    }

    [Fact]
    public void A_zip_that_inflates_past_the_limit_is_refused_and_leaves_no_temporary_files()
    {
        var folder = Directory.CreateTempSubdirectory("mera-bomb-").FullName;
        var temp = Directory.CreateDirectory(Path.Combine(folder, "tmp")).FullName;
        var refused = Assert.Throws<ImportRefusedException>(() => TemplateInputs.Expand(ZipBomb(folder), "почта.zip", temp));
        Assert.Contains("после распаковки", refused.Issues.Single().Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp));
    }

    [Fact]
    public async Task A_shared_string_bomb_is_refused_by_every_spreadsheet_importer_with_a_message()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await District.SetUpAsync(db, 2);
        var path = Path.Combine(Directory.CreateTempSubdirectory("mera-bomb-").FullName, "выгрузка.xlsx");
        await File.WriteAllBytesAsync(path, HostileCorpus.SharedStringBomb(200L * 1024 * 1024));
        Assert.True(new FileInfo(path).Length < 2 * 1024 * 1024);
        foreach (var args in new[] { new[] { "import", "educont", path, "--period", "2024Q4", "--org", "m1" }, ["import", "values", path], ["import", "template", path] })
        {
            var run = await Cli.RunAsync(db, args);
            Assert.Equal(1, run.ExitCode);
            Assert.Contains("выгрузка.xlsx", run.Error);
            Assert.Contains("МБ", run.Error);
        }
    }

    [Fact]
    public async Task The_server_stays_under_a_gigabyte_while_hostile_files_and_many_pdfs_are_asked_at_once()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await Cli.OkAsync(db, "db", "migrate");
        await Cli.OkAsync(db, "demo");
        var folder = Directory.CreateTempSubdirectory("mera-bomb-").FullName;
        var strings = Path.Combine(folder, "educont.xlsx");
        await File.WriteAllBytesAsync(strings, HostileCorpus.SharedStringBomb(900L * 1024 * 1024));
        var zip = ZipBomb(folder);
        var port = WebCrashTests.FreePort();
        using var web = WebCrashTests.StartWeb(db, port);
        try
        {
            using var probe = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WebCrashTests.WaitHealthyAsync(probe);
            var officer = await SignInAsync(port, "enisey");
            var school = await SignInAsync(port, "school1");
            var uploads = Enumerable.Range(0, 3).Select(_ => UploadAsync(officer, "educont", strings))
                .Append(UploadAsync(officer, "template", zip)).ToList();
            var period = TestClock.LastQuarter.Code;
            var pdfs = Enumerable.Range(0, 24).Select(_ => school.GetAsync($"/reports/collegium.pdf?org=demo-enisey-s01&period={period}")).ToList();
            var answers = await Task.WhenAll(uploads.Concat(pdfs));
            Assert.All(answers, a => Assert.True((int)a.StatusCode < 500 || a.StatusCode == HttpStatusCode.ServiceUnavailable, $"{a.RequestMessage?.RequestUri}: {(int)a.StatusCode}"));
            foreach (var upload in answers.Take(4))
            {
                Assert.Contains("МБ", await upload.Content.ReadAsStringAsync());
            }
            var made = answers.Skip(4).Count(a => a.StatusCode == HttpStatusCode.OK);
            var busy = answers.Skip(4).Count(a => a.StatusCode == HttpStatusCode.ServiceUnavailable);
            var others = await Task.WhenAll(answers.Skip(4).Where(a => a.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable))
                .Select(async a => $"{(int)a.StatusCode} {await a.Content.ReadAsStringAsync()}"));
            Assert.True(made >= 1 && made + busy == 24, $"{made} PDFs made, {busy} told to wait; others: {string.Join(" | ", others)}");
            var peak = PeakRssMegabytes(web);
            Assert.True(peak < 1024, $"peak RSS {peak} MB");
            await Reliability.RecordAsync("memory",
                $"3 shared-string bombs (900 MB of text in {new FileInfo(strings).Length / 1024} KB), a ZIP inflating to 180 MB and 24 simultaneous PDFs of one school against the web server: peak RSS {peak} MB; {made} PDF made, {busy} answered «отчёт готовится» (503)");
        }
        finally
        {
            web.Kill(entireProcessTree: true);
            await web.WaitForExitAsync();
        }
    }

    private static long PeakRssMegabytes(Process process) =>
        long.Parse(File.ReadAllLines($"/proc/{process.Id}/status").Single(l => l.StartsWith("VmHWM:"))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;

    private static async Task<HttpClient> SignInAsync(int port, string login)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(5),
        };
        var response = await client.PostAsync("/login", await MeraApp.FormAsync(client, "/login",
            new() { ["Login"] = login, ["Password"] = Core.Features.Users.DemoUsers.Password }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string kind, string path)
    {
        var token = await MeraApp.TokenAsync(client, "/imports");
        var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(kind), "Kind" },
            { new StringContent(TestClock.LastQuarter.Code), "Period" },
            { new StringContent("demo-enisey"), "Org" },
            { new StreamContent(File.OpenRead(path)), "file", Path.GetFileName(path) },
        };
        return await client.PostAsync("/imports?handler=preview", content);
    }
}
