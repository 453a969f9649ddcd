using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Mera.IntegrationTests.Web;

/// <summary>Issue 17/23: «Загрузить» commits exactly what «Проверить» showed, whatever the confirming form's hidden fields say.</summary>
[Trait("Category", "Calendar")]
public class ImportConfirmTests
{
    [Fact]
    public async Task Confirming_with_altered_hidden_fields_commits_what_was_previewed()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var app = await MeraApp.StartAsync(db);
        var officer = await app.SignInAsync("enisey");
        var csv = TestData.ValuesHeader + $"\ndemo-enisey-s02,contingent.teachers,{TestClock.NextYear},61\n";
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(await MeraApp.TokenAsync(officer, "/imports")), "__RequestVerificationToken" },
            { new StringContent("values"), "Kind" },
            { new StringContent("demo-enisey"), "Org" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", "план.csv" },
        };
        var preview = await (await officer.PostAsync("/imports?handler=preview", upload)).Content.ReadAsStringAsync();
        var token = Regex.Match(preview, "name=\"Token\" value=\"([0-9a-f]{32})\"").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), "the preview offers «Загрузить»");

        var confirm = await officer.PostAsync("/imports?handler=confirm", await MeraApp.FormAsync(officer, "/imports", new()
        {
            ["Token"] = token, ["Org"] = "demo-enisey", ["Kind"] = "educont", ["Period"] = TestClock.LastQuarter.Code,
            ["FileName"] = "подмена.xlsx", ["SkipUnmatched"] = "true",
        }));
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        await using var context = db.Db.CreateContext();
        var batch = await context.ImportBatches.OrderByDescending(b => b.Id).FirstAsync();
        Assert.Equal(("values", "план.csv", 1), (batch.Kind, batch.FileName, batch.ValuesWritten));
        Assert.Null(batch.PeriodCode);
    }

    [Fact]
    public async Task A_missing_period_is_asked_for_in_each_front_ends_words()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var app = await MeraApp.StartAsync(db);
        var file = Cli.WriteFile("educont.csv", Mera.IntegrationTests.Imports.PlatformFiles.Educont(2, seedHeaders: false).Csv);
        var cli = await Cli.RunAsync(db, "import", "educont", file, "--org", "demo-enisey");
        Assert.Contains("для файла «выгрузка ЦОК educont.ru»: укажите --period: квартал, например 2024Q4", cli.Error);

        var officer = await app.SignInAsync("enisey");
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(await MeraApp.TokenAsync(officer, "/imports")), "__RequestVerificationToken" },
            { new StringContent("educont"), "Kind" },
            { new StringContent("demo-enisey"), "Org" },
            { new ByteArrayContent(await File.ReadAllBytesAsync(file)), "file", "educont.csv" },
        };
        var page = System.Net.WebUtility.HtmlDecode(await (await officer.PostAsync("/imports?handler=preview", upload)).Content.ReadAsStringAsync());
        Assert.Contains("для файла «выгрузка ЦОК educont.ru»: укажите период: квартал, например 2024Q4", page);
        Assert.DoesNotContain("--period", page);
    }
}
