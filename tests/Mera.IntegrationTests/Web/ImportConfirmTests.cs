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
        Assert.Contains("для файла «выгрузка ЦОК educont.ru»: укажите период: квартал, например «4 квартал 2024»", page);
        Assert.DoesNotContain("--period", page);
        Assert.DoesNotContain("2024Q4", page);
    }

    [Fact]
    public async Task A_period_in_words_is_read_and_one_that_cannot_be_read_stops_the_upload()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var app = await MeraApp.StartAsync(db);
        var officer = await app.SignInAsync("enisey");
        // Two of the district's schools by INN, as the browser journey loads them.
        var bytes = System.Text.Encoding.UTF8.GetBytes(
            "Муниципалитет;ИНН;Школа;Преподавателей зарегистрировано;Преподавателей подтверждено;Учеников зарегистрировано;Учеников подтверждено\n" +
            "Енисейский район;2440001009;СОШ № 1;44;41;380;350\nЕнисейский район;2440001016;СОШ № 2;30;28;300;290\n");
        async Task<string> Preview(string period)
        {
            using var upload = new MultipartFormDataContent
            {
                { new StringContent(await MeraApp.TokenAsync(officer, "/imports")), "__RequestVerificationToken" },
                { new StringContent("educont"), "Kind" }, { new StringContent("demo-enisey"), "Org" }, { new StringContent(period), "Period" },
                { new ByteArrayContent(bytes), "file", "educont.csv" },
            };
            return Regex.Replace(WebUtility.HtmlDecode(await (await officer.PostAsync("/imports?handler=preview", upload)).Content.ReadAsStringAsync()), "\\s+", " ");
        }
        var unread = await Preview("третий квартал");
        Assert.Contains("Период «третий квартал» не распознан", unread);
        Assert.DoesNotContain("name=\"Token\"", unread);
        var words = await Preview(TestClock.LastQuarter.DisplayRu);
        Assert.Contains("Проверка файла «educont.csv»", words);
        // What will change, in names: the school's short name, the element's name, the period in words.
        var changes = string.Join(" | ", Regex.Matches(words, "<li>([^<]*→[^<]*)</li>").Select(m => m.Groups[1].Value));
        Assert.Matches("[^|]+ · [А-Я][^|]+ · " + TestClock.LastQuarter.DisplayRu + ": [^|]+ → [0-9 ]+", changes);
        Assert.DoesNotContain("educont.teachers", words);
        Assert.Matches("name=\"Period\" value=\"" + TestClock.LastQuarter.Code + "\"", words);
    }

    [Fact]
    public async Task Undo_asks_first_and_the_journal_says_how_many_values_were_undone()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var app = await MeraApp.StartAsync(db);
        var officer = await app.SignInAsync("enisey");
        var csv = TestData.ValuesHeader + $"\ndemo-enisey-s02,contingent.teachers,{TestClock.NextYear},61\ndemo-enisey-s03,contingent.teachers,{TestClock.NextYear},44\n";
        var file = Cli.WriteFile("план.csv", csv);
        await Cli.OkAsync(db, "import", "values", file, "--org", "demo-enisey");
        long id;
        await using (var context = db.Db.CreateContext())
        {
            id = (await context.ImportBatches.OrderByDescending(b => b.Id).FirstAsync()).Id;
        }
        var asked = Regex.Replace(WebUtility.HtmlDecode(await (await officer.PostAsync($"/imports?handler=undo&id={id}&org=demo-enisey",
            await MeraApp.FormAsync(officer, "/imports", []))).Content.ReadAsStringAsync()), "\\s+", " ");
        Assert.Contains($"Отменить загрузку № {id} «план.csv»", asked);
        Assert.Contains("2 значения вернутся к прежнему состоянию", asked);
        await using (var context = db.Db.CreateContext())
        {
            Assert.Equal(2, await context.DataValues.CountAsync(v => v.PeriodCode == TestClock.NextYear));
        }
        var done = await officer.PostAsync($"/imports?handler=undo&id={id}&org=demo-enisey",
            await MeraApp.FormAsync(officer, "/imports", new() { ["confirmed"] = "true" }));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        await using (var context = db.Db.CreateContext())
        {
            Assert.Equal(0, await context.DataValues.CountAsync(v => v.PeriodCode == TestClock.NextYear));
        }
        var journal = Regex.Replace(WebUtility.HtmlDecode(await officer.GetStringAsync("/imports?org=demo-enisey")), "\\s+", " ");
        Assert.Contains("отменено 2 значения", journal);
    }
}
