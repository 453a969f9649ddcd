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
}
