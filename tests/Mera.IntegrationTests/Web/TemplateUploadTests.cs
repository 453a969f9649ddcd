using System.Net;
using Mera.IntegrationTests.Imports;
using Microsoft.EntityFrameworkCore;

namespace Mera.IntegrationTests.Web;

[Trait("Category", "Calendar")]
public class TemplateUploadTests
{
    private static readonly string Q = TestClock.Quarter.Code;
    private static readonly string FormUrl = $"/forms/openschool/{Q}?org=demo-enisey-s01";

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string path)
    {
        var token = await MeraApp.TokenAsync(client, FormUrl);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(await File.ReadAllBytesAsync(path)), "file", Path.GetFileName(path) },
        };
        return await client.PostAsync($"/forms/openschool/{Q}?handler=template&org=demo-enisey-s01", content);
    }

    [Fact]
    public async Task A_school_downloads_its_template_fills_it_offline_and_uploads_it()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var app = await MeraApp.StartAsync(db);
        var school = await app.SignInAsync("school1");

        var download = await school.GetAsync($"/forms/openschool/{Q}?handler=template&org=demo-enisey-s01");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal($"openschool_{Q}_demo-enisey-s01.xlsx", download.Content.Headers.ContentDisposition!.FileNameStar);
        var path = Path.Combine(Directory.CreateTempSubdirectory("mera-t-").FullName, "filled.xlsx");
        await File.WriteAllBytesAsync(path, await download.Content.ReadAsByteArrayAsync());
        TemplateFiller.Fill(path, new Dictionary<string, string>
        {
            ["openschool.students.registered"] = "381", ["openschool.students.inactive"] = "92",
            ["openschool.teachers.registered"] = "47", ["openschool.teachers.inactive"] = "9",
        });

        var upload = await UploadAsync(school, path);
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        await using (var context = db.Db.CreateContext())
        {
            Assert.Equal(4, await context.DataValues.CountAsync(v => v.PeriodCode == Q && v.SourceFile == "filled.xlsx"));
        }

        // Another school's template is refused on this school's page.
        var other = Path.Combine(Path.GetDirectoryName(path)!, "other.xlsx");
        await Cli.OkAsync(db, "template", "--form", "openschool", "--period", Q, "--org", "demo-enisey-s02", "--out", other);
        var refused = await UploadAsync(school, other);
        Assert.Contains("Файл не принят", await refused.Content.ReadAsStringAsync());
    }
}
