using System.Net;
using System.Net.Http.Json;
using Mera.Core.Domain;
using Mera.Core.Features.Submissions;
using Mera.Core.Reading.Templates;
using Mera.IntegrationTests.Imports;
using Microsoft.EntityFrameworkCore;

namespace Mera.IntegrationTests.Web;

/// <summary>
/// Issue 17: one rule of who may write which number, on every path. A form accepted by the municipality is locked for
/// everyone (the school, the municipality, the CLI's imports) until it is reopened; a platform's elements are never
/// typed in; periods before 2000 or still to come are refused; a template carries exactly its form's elements. Every
/// refused attempt leaves the database as it was.
/// </summary>
[Trait("Category", "Calendar")]
public class WriteGateTests
{
    private static readonly Period Q = TestClock.Quarter;
    private static readonly string FormUrl = $"/forms/openschool/{Q.Code}?org=demo-enisey-s01";

    private static Dictionary<string, string> Form(string registered, string action) => new()
    {
        ["Values[openschool.students.registered]"] = registered, ["Values[openschool.students.inactive]"] = "90",
        ["Values[openschool.teachers.registered]"] = "45", ["Values[openschool.teachers.inactive]"] = "8", ["action"] = action,
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Accepted_data_platform_elements_and_impossible_periods_are_refused_on_every_path(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = await MeraApp.StartAsync(db);
        var school = await app.SignInAsync("school1");
        var officer = await app.SignInAsync("enisey");
        var viewer = await app.SignInAsync("viewer");
        var tried = new List<string>();
        var failures = new List<string>();
        void Expect(string what, bool refused)
        {
            tried.Add(what);
            if (!refused)
            {
                failures.Add(what);
            }
        }

        // A forged template: another form's elements (the contingent's) under a recomputed seal, on the open form's page.
        var untouched = await FingerprintAsync(db);
        var forged = await TemplateAsync(school, Q.Code);
        string[] foreign = ["contingent.students", "training.heads.cos"];
        TemplateFiller.Tamper(forged, "elements", string.Join(',', foreign));
        TemplateFiller.Tamper(forged, "checksum", new MeraTemplate("demo-enisey-s01", "openschool", Q.Code, foreign).Checksum);
        var forgedAnswer = await (await UploadAsync(school, forged)).Content.ReadAsStringAsync();
        Expect("forged template", forgedAnswer.Contains("нет в форме"));
        Assert.Equal(untouched, await FingerprintAsync(db));

        Assert.Equal(HttpStatusCode.Redirect, (await school.PostAsync(FormUrl, await MeraApp.FormAsync(school, FormUrl, Form("400", "submit")))).StatusCode);
        var submission = await SubmissionAsync(db, "openschool", Q.Code);
        await ReviewSubmission.RunAsync(db.Db, new(submission!.Id, ReviewSubmission.Decision.Accept, submission.Version, "enisey"), db.Clock);
        var before = await FingerprintAsync(db);
        async Task Api(HttpClient client, string who, object item, HttpStatusCode status, string text)
        {
            var response = await client.PostAsJsonAsync("/api/v1/datavalues", new[] { item });
            var body = await response.Content.ReadAsStringAsync();
            Expect($"API {who} → {status}: {body[..Math.Min(body.Length, 200)]}", response.StatusCode == status && body.Contains(text));
        }

        // Accepted: locked for the school and for the municipality, on the API, the form page, the template and imports.
        var accepted = new { org = "demo-enisey-s01", element = "openschool.students.registered", period = Q.Code, value = "401" };
        await Api(school, "school, accepted form", accepted, HttpStatusCode.Conflict, "данные приняты");
        await Api(officer, "municipality, accepted form", accepted, HttpStatusCode.Conflict, "данные приняты");
        var page = await school.PostAsync(FormUrl, await MeraApp.FormAsync(school, FormUrl, Form("401", "draft")));
        Expect("form page, accepted form", page.StatusCode == HttpStatusCode.Forbidden || (await page.Content.ReadAsStringAsync()).Contains("принята"));
        var template = await TemplateAsync(school, Q.Code);
        TemplateFiller.Fill(template, new Dictionary<string, string> { ["openschool.students.registered"] = "402" });
        var uploaded = await (await UploadAsync(officer, template)).Content.ReadAsStringAsync();
        Expect("template upload, accepted form", uploaded.Contains("данные приняты") || uploaded.Contains("недоступна для изменения"));
        var csv = Cli.WriteFile("values.csv", TestData.ValuesHeader + $"\ndemo-enisey-s01,openschool.students.registered,{Q.Code},403\n");
        var import = await Cli.RunAsync(db, "import", "values", csv);
        Expect("CLI import, accepted form", import.ExitCode == 1 && import.Error.Contains("данные приняты"));
        var zip = Path.Combine(Path.GetDirectoryName(template)!, "mail.zip");
        using (var archive = System.IO.Compression.ZipFile.Open(zip, System.IO.Compression.ZipArchiveMode.Create))
        {
            System.IO.Compression.ZipFileExtensions.CreateEntryFromFile(archive, template, "СОШ1.xlsx");
        }
        var zipped = await Cli.RunAsync(db, "import", "template", zip);
        Expect("ZIP of templates, accepted form", zipped.ExitCode == 1 && zipped.Error.Contains("данные приняты"));

        // A platform's elements come only from the municipality's imports.
        var last = TestClock.LastQuarter.Code;
        var platform = new { org = "demo-enisey-s01", element = "educont.students.registered", period = last, value = "999" };
        await Api(school, "school, platform element", platform, HttpStatusCode.Forbidden, "загружает отдел образования");
        await Api(officer, "municipality typing a platform element", platform, HttpStatusCode.Forbidden, "загружает отдел образования");
        var educont = await school.PostAsync($"/forms/educont/{last}?org=demo-enisey-s01",
            await MeraApp.FormAsync(school, FormUrl, new() { ["Values[educont.students.registered]"] = "999", ["action"] = "save" }));
        Expect("school saving the educont form", educont.StatusCode == HttpStatusCode.NotFound && await SubmissionAsync(db, "educont", last) is null);
        var weeks = Enumerable.Range(1, 52).Select(w => new { org = "demo-enisey-s01", element = "sferum.students.total", period = $"2100-W{w:D2}", value = "5" }).ToArray();
        var future = await school.PostAsJsonAsync("/api/v1/datavalues", weeks);
        Expect("school, a century of weeks ahead", future.StatusCode == HttpStatusCode.Forbidden);

        // Periods: none before 2000, none still to come (yearly plans one year ahead at most).
        await Api(officer, "municipality, a quarter still to come", new { org = "demo-enisey-s02", element = "openschool.students.registered", period = "2100Q1", value = "1" },
            HttpStatusCode.Forbidden, "ещё не наступил");
        await Api(officer, "municipality, before 2000", new { org = "demo-enisey-s02", element = "openschool.students.registered", period = "1999Q4", value = "1" },
            HttpStatusCode.Forbidden, "раньше 2000");
        var farYear = (TestClock.Today.Year + 2).ToString();
        await Api(officer, "municipality, a plan two years ahead", new { org = "demo-enisey-s02", element = "contingent.students", period = farYear, value = "1" },
            HttpStatusCode.Forbidden, "ещё не наступил");
        await Api(viewer, "viewer", new { org = "demo-enisey-s02", element = "contingent.students", period = TestClock.NextYear, value = "1" },
            HttpStatusCode.Forbidden, "не вводит данные");

        Assert.True(failures.Count == 0, "not refused: " + string.Join("\n", failures));
        Assert.Equal(before, await FingerprintAsync(db));
        Assert.Equal(SubmissionState.Accepted, (await SubmissionAsync(db, "openschool", Q.Code))!.State);

        // Reopened by the municipality, the form is the school's again.
        var current = (await SubmissionAsync(db, "openschool", Q.Code))!;
        await ReviewSubmission.RunAsync(db.Db, new(current.Id, ReviewSubmission.Decision.Reopen, current.Version, "enisey"), db.Clock);
        Assert.Equal(HttpStatusCode.Redirect, (await school.PostAsync(FormUrl, await MeraApp.FormAsync(school, FormUrl, Form("404", "draft")))).StatusCode);
        await using (var context = db.Db.CreateContext())
        {
            var element = await context.DataElements.SingleAsync(e => e.Code == "openschool.students.registered");
            var school1 = await context.OrgUnits.SingleAsync(o => o.Code == "demo-enisey-s01");
            Assert.Equal(404, (await context.DataValues.SingleAsync(v => v.OrgUnitId == school1.Id && v.ElementId == element.Id && v.PeriodCode == Q.Code)).Value);
        }
        await Reliability.Reliability.RecordAsync($"writegate-{provider}",
            $"{tried.Count} write attempts on {provider} (API, form page, template, ZIP, CLI import × accepted form, platform element, impossible period, viewer, forged template): {tried.Count - failures.Count} refused, database unchanged");
    }

    /// <summary>
    /// The write matrix on the API: role × element supplier × submission state. Only the school and its municipality write
    /// a school's element of an open form; an accepted form is locked (409) for both; a platform element is nobody's to
    /// type in, and the region and a viewer write nothing (403).
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_role_element_supplier_and_form_state_gets_its_answer(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = await MeraApp.StartAsync(db);
        var school = await app.SignInAsync("school1");
        Assert.Equal(HttpStatusCode.Redirect, (await school.PostAsync(FormUrl, await MeraApp.FormAsync(school, FormUrl, Form("400", "submit")))).StatusCode);
        var submission = await SubmissionAsync(db, "openschool", Q.Code);
        await ReviewSubmission.RunAsync(db.Db, new(submission!.Id, ReviewSubmission.Decision.Accept, submission.Version, "enisey"), db.Clock);
        // s01's form of the quarter is accepted; s02's is open.
        var cells = new (string Org, string Element, string State)[]
        {
            ("demo-enisey-s02", "openschool.students.registered", "open"), ("demo-enisey-s01", "openschool.students.registered", "accepted"),
            ("demo-enisey-s02", "educont.students.registered", "open"), ("demo-enisey-s01", "educont.students.registered", "accepted"),
        };
        var expected = new Dictionary<string, HttpStatusCode[]>
        {
            ["school1"] = [HttpStatusCode.Forbidden, HttpStatusCode.Conflict, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden],
            ["enisey"] = [HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden],
            ["minobr"] = [HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden],
            ["viewer"] = [HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden],
        };
        var (tried, refused, failures) = (0, 0, new List<string>());
        foreach (var (login, answers) in expected)
        {
            var client = login == "school1" ? school : await app.SignInAsync(login);
            for (var i = 0; i < cells.Length; i++)
            {
                var (org, element, state) = cells[i];
                var response = await client.PostAsJsonAsync("/api/v1/datavalues", new[] { new { org, element, period = Q.Code, value = $"{300 + i}" } });
                tried++;
                refused += response.IsSuccessStatusCode ? 0 : 1;
                if (response.StatusCode != answers[i])
                {
                    failures.Add($"{login} × {element} × {state}: {(int)response.StatusCode}, expected {(int)answers[i]}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        await Reliability.Reliability.RecordAsync($"writematrix-{provider}",
            $"API write matrix on {provider}: 4 roles × 2 element suppliers × 2 form states = {tried} attempts, {refused} refused (403/409), {tried - refused} allowed (the municipality's, into its school's open form)");
    }

    private static async Task<string> TemplateAsync(HttpClient school, string period)
    {
        var download = await school.GetAsync($"/forms/openschool/{period}?handler=template&org=demo-enisey-s01");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var path = Path.Combine(Directory.CreateTempSubdirectory("mera-gate-").FullName, "filled.xlsx");
        await File.WriteAllBytesAsync(path, await download.Content.ReadAsByteArrayAsync());
        return path;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string path)
    {
        var url = FormUrl;
        var token = await MeraApp.TokenAsync(client, url);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(await File.ReadAllBytesAsync(path)), "file", Path.GetFileName(path) },
        };
        return await client.PostAsync($"/forms/openschool/{Q.Code}?handler=template&org=demo-enisey-s01", content);
    }

    private static async Task<Submission?> SubmissionAsync(TestDatabase db, string form, string period)
    {
        await using var context = db.Db.CreateContext();
        var school = await context.OrgUnits.SingleAsync(o => o.Code == "demo-enisey-s01");
        return await context.Submissions.AsNoTracking().SingleOrDefaultAsync(s => s.OrgUnitId == school.Id && s.FormCode == form && s.PeriodCode == period);
    }

    private static async Task<(int Values, double Sum, int History, int Submissions, int Batches)> FingerprintAsync(TestDatabase db)
    {
        await using var context = db.Db.CreateContext();
        return (await context.DataValues.CountAsync(), await context.DataValues.SumAsync(v => v.Value), await context.DataValueHistory.CountAsync(),
            await context.Submissions.CountAsync(), await context.ImportBatches.CountAsync());
    }
}
