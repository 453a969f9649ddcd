using System.Net;
using Mera.IntegrationTests.Reports;

namespace Mera.IntegrationTests.Web;

/// <summary>The «Отчёты» menu downloads the same documents as the CLI, signed by the user who made them.</summary>
[Trait("Category", "Calendar")]
public class ReportDownloadTests
{
    private static readonly string P = TestClock.LastQuarter.Code;

    [Fact]
    public async Task A_municipal_officer_downloads_the_summary_as_xlsx_and_the_collegium_note_as_pdf()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var app = await MeraApp.StartAsync(db);
        var client = await app.SignInAsync("enisey");

        var dashboard = await client.GetStringAsync($"/dashboard?org=demo-enisey&period={P}");
        Assert.Contains($"/reports/summary.xlsx?org=demo-enisey&amp;period={P}", dashboard);
        Assert.Contains("href=\"/notifications\"", dashboard);
        Assert.DoesNotContain("@if", dashboard); // Razor code in the layout is code, not text

        var xlsx = await client.GetAsync($"/reports/summary.xlsx?org=demo-enisey&period={P}");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal($"svodnaya-demo-enisey-{P}.xlsx", xlsx.Content.Headers.ContentDisposition?.FileNameStar);
        var path = Path.Combine(Directory.CreateTempSubdirectory("mera-dl-").FullName, "summary.xlsx");
        await File.WriteAllBytesAsync(path, await xlsx.Content.ReadAsByteArrayAsync());
        var rows = ReportFiles.Rows(path);
        // The executor mark is the person's name from the profile (ГОСТ Р 7.0.97-2025), never the login.
        Assert.Contains(rows, r => r.Values.Any(v => v.Text?.StartsWith("Исполнитель: ") == true && !v.Text.Contains("enisey")));
        Assert.DoesNotContain(rows, r => r.Values.Any(v => v.Text?.Contains("(enisey)") == true));
        Assert.Contains(rows, r => r.TryGetValue("B", out var b) && b.Text!.StartsWith("Количество обучающихся общеобразовательных организаций, зарегистрированных") && r["D"].Number > 0);

        var pdf = await client.GetAsync($"/reports/collegium.pdf?org=demo-enisey&period={P}");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]));

        var refused = await client.GetAsync($"/reports/summary.odt?org=demo-enisey&period={P}");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Неизвестный формат отчёта", await refused.Content.ReadAsStringAsync());
    }
}
