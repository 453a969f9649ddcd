using System.Net;

namespace Mera.IntegrationTests.Web;

/// <summary>Issue 21: a period typed in words on the dashboard, the comparison and «План»; one that cannot be read is said.</summary>
public class PeriodWordsTests
{
    [Fact]
    public async Task A_period_typed_in_words_is_shown_and_one_that_cannot_be_read_is_said()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var app = await MeraApp.StartAsync(db);
        var officer = await app.SignInAsync("enisey");
        foreach (var page in new[] { "/dashboard", "/ranking" })
        {
            var typed = WebUtility.HtmlDecode(await officer.GetStringAsync($"{page}?period={Uri.EscapeDataString("III кв. 2026")}"));
            Assert.Contains("value=\"3 квартал 2026 г.\"", typed);
            var wrong = WebUtility.HtmlDecode(await officer.GetStringAsync($"{page}?period={Uri.EscapeDataString("мартобрь 2026")}"));
            Assert.Contains("Период «мартобрь 2026» не распознан: напишите, например, «3 квартал 2026», «сентябрь 2026», «2026 год» или «41 неделя 2026»", wrong);
            Assert.DoesNotContain("value=\"2026Q", wrong);
        }
        var plan = WebUtility.HtmlDecode(await officer.GetStringAsync($"/targets?period={Uri.EscapeDataString("квартал")}"));
        Assert.Contains("Период «квартал» не распознан", plan);
    }
}
