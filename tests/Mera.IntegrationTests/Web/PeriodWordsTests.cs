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
        foreach (var page in new[] { "/dashboard", "/ranking", "/monitor?form=openschool&" })
        {
            var typed = WebUtility.HtmlDecode(await officer.GetStringAsync($"{page}{(page.EndsWith('&') ? "" : "?")}period={Uri.EscapeDataString("III кв. 2026")}"));
            Assert.Contains("value=\"3 квартал 2026 г.\"", typed);
            // The picker: nearby quarters to choose in words, and links that name where they lead.
            Assert.Contains("<option value=\"2 квартал 2026 г.\">", typed);
            Assert.Contains("<option value=\"4 квартал 2026 г.\">", typed);
            Assert.Contains("aria-label=\"Предыдущий период: 2 квартал 2026 г.\"", typed);
            Assert.Contains("aria-label=\"Следующий период: 4 квартал 2026 г.\"", typed);
            if (page.StartsWith("/monitor"))
            {
                continue; // the monitor falls back to the form's due period, checked below
            }
            var wrong = WebUtility.HtmlDecode(await officer.GetStringAsync($"{page}?period={Uri.EscapeDataString("мартобрь 2026")}"));
            Assert.Contains("Период «мартобрь 2026» не распознан: напишите, например, «3 квартал 2026», «сентябрь 2026», «2026 год» или «41 неделя 2026»", wrong);
            Assert.DoesNotContain("value=\"2026Q", wrong);
        }
        var monitor = WebUtility.HtmlDecode(await officer.GetStringAsync($"/monitor?form=openschool&period={Uri.EscapeDataString("мартобрь 2026")}"));
        Assert.Contains("Период «мартобрь 2026» не распознан", monitor);
        var plan = WebUtility.HtmlDecode(await officer.GetStringAsync($"/targets?period={Uri.EscapeDataString("квартал")}"));
        Assert.Contains("Период «квартал» не распознан", plan);
    }
}
