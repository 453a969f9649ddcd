using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mera.BrowserTests;

/// <summary>
/// Issue 21 §3, §4, §7: the school's form completed with the keyboard alone, every focused control visibly marked;
/// the dashboard's table, charts and statuses never overlapping from 1024 to 1920 px; the comparison's organisation
/// column staying in view while the indicators scroll.
/// </summary>
[Trait("Category", "Calendar")]
[Collection(ServerCollection.Name)]
public class KeyboardAndLayout(MeraServer server)
{
    /// <summary>
    /// The year's «training» form of a district school the demo left open on the server's day (which ones depends on
    /// the day: after its deadline the demo has most of them sent), filled by the municipality; no other test sends it.
    /// </summary>
    private static async Task<string> OpenFormAsync(IPage page, string baseUrl)
    {
        foreach (var n in Enumerable.Range(2, 15))
        {
            var url = $"/forms/training/{TestClock.Quarter.Year}?org=demo-enisey-s{n:D2}";
            await page.GotoAsync(baseUrl + url);
            if (await page.Locator(".save-bar").CountAsync() > 0)
            {
                return url;
            }
        }
        throw new InvalidOperationException("no district school has its training form open in the demo");
    }

    [Fact]
    public async Task The_school_form_is_completed_with_the_keyboard_alone()
    {
        var school = await server.SignInAsync("enisey");
        await OpenFormAsync(school, server.BaseUrl);
        var inputs = school.Locator("input.value-input:not([disabled])");
        var count = await inputs.CountAsync();
        Assert.True(count >= 2, $"the form has {count} editable values");
        var ids = new List<string>();
        var typed = new List<string>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await inputs.Nth(i).GetAttributeAsync("id"))!);
            // Above both last period's value and the one stored: a real change, and no «fell by more than half» warning.
            var previous = (await school.Locator("table.form-entry tbody tr").Nth(i).Locator("td.muted-cell").InnerTextAsync()).Trim();
            var stored = await inputs.Nth(i).InputValueAsync();
            typed.Add($"{Math.Max(Number(previous), Number(stored)) + 1}");
        }

        // From the top of the page: Tab until the first value, then each value in turn, each with a visible focus ring.
        var presses = 0;
        while (await FocusedIdAsync(school) != ids[0])
        {
            await school.Keyboard.PressAsync("Tab");
            Assert.True(++presses < 60, "the first value is reachable with Tab");
        }
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            Assert.Equal(id, await FocusedIdAsync(school));
            Assert.True(await FocusRingAsync(school), $"value {i + 1} shows where the focus is");
            await school.Keyboard.PressAsync("Control+A");
            await school.Keyboard.TypeAsync(typed[i]);
            await school.Keyboard.PressAsync("Tab");
        }
        // Comment, then «Сохранить черновик», pressed with Enter.
        while (await school.EvaluateAsync<string>("() => document.activeElement.textContent.trim()") != "Сохранить черновик")
        {
            await school.Keyboard.PressAsync("Tab");
            Assert.True(++presses < 120, "the save button is reachable with Tab");
        }
        Assert.True(await FocusRingAsync(school), "the save button shows the focus");
        await school.Keyboard.PressAsync("Enter");
        await school.WaitForLoadStateAsync();
        await Expect(school.GetByRole(AriaRole.Status)).ToContainTextAsync("Черновик сохранён");
        for (var i = 0; i < count; i++)
        {
            await Expect(school.Locator($"[id='{ids[i]}']")).ToHaveValueAsync(typed[i]);
        }
    }

    [Fact]
    public async Task On_a_phone_the_save_bar_stays_on_screen_and_values_are_thumb_sized()
    {
        var school = await server.SignInAsync("enisey");
        await school.SetViewportSizeAsync(390, 844);
        await OpenFormAsync(school, server.BaseUrl);
        var bar = school.Locator(".save-bar");
        await Expect(bar).ToBeVisibleAsync();
        await school.EvaluateAsync("() => window.scrollTo(0, 0)");
        var box = (await bar.BoundingBoxAsync())!;
        Assert.True(box.Y + box.Height <= 844 + 1, $"the save bar ends at {box.Y + box.Height} px on an 844 px screen");
        var input = (await school.Locator("input.value-input").First.BoundingBoxAsync())!;
        Assert.True(input.Height >= 44, $"a value field is {input.Height} px high");
        Assert.True(await school.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth") <= 1);
        await MeraServer.ShotAsync(school, "13-school-form-390", fullPage: false);
    }

    [Theory]
    [InlineData(1024)]
    [InlineData(1366)]
    [InlineData(1920)]
    public async Task Dashboard_table_charts_and_statuses_never_overlap(int width)
    {
        var officer = await server.SignInAsync("enisey");
        await officer.SetViewportSizeAsync(width, 900);
        await officer.GotoAsync(server.BaseUrl + "/dashboard");
        var table = (await officer.Locator("#children").BoundingBoxAsync())!;
        var scroller = (await officer.Locator("#children").Locator("xpath=..").BoundingBoxAsync())!;
        var status = (await officer.Locator("#children tbody tr").First.Locator("td.status").BoundingBoxAsync())!;
        Assert.True(status.X + status.Width <= scroller.X + scroller.Width + 1,
            $"at {width} px the «Исполнение» column ends at {status.X + status.Width}, its table's frame at {scroller.X + scroller.Width}");
        foreach (var chart in await officer.Locator("canvas[data-chart=line], canvas[data-chart=bar]").AllAsync())
        {
            var card = (await chart.Locator("xpath=..").BoundingBoxAsync())!;
            var apart = card.X >= scroller.X + scroller.Width - 1 || card.Y >= table.Y + table.Height - 1 || card.X + card.Width <= scroller.X + 1;
            Assert.True(apart, $"at {width} px a chart card ({card.X},{card.Y} {card.Width}×{card.Height}) overlaps the table ({scroller.X},{table.Y} {scroller.Width}×{table.Height})");
        }
        // Short names in one or two lines, the full name on hover.
        var first = officer.Locator("#children tbody tr").First.GetByRole(AriaRole.Link).First;
        Assert.StartsWith("МБОУ", await first.GetAttributeAsync("title"));
        Assert.True((await first.BoundingBoxAsync())!.Height < 50, "a school's name takes at most two lines");
        await MeraServer.ShotAsync(officer, $"14-dashboard-{width}");
    }

    [Fact]
    public async Task The_comparison_keeps_the_organisation_in_view_and_explains_its_colours()
    {
        var region = await server.SignInAsync("minobr");
        await region.SetViewportSizeAsync(1024, 900);
        await region.GotoAsync(server.BaseUrl + "/ranking");
        await Expect(region.Locator("#ranking-legend")).ToContainTextAsync("90 баллов и выше");
        var header = (await region.Locator("#ranking thead").BoundingBoxAsync())!;
        Assert.True(header.Height < 130, $"the header row is {header.Height} px high");
        var name = region.Locator("#ranking tbody th.sticky-col").First;
        var before = (await name.BoundingBoxAsync())!.X;
        await region.Locator(".ranking-scroll").EvaluateAsync("e => e.scrollLeft = 600");
        var after = (await name.BoundingBoxAsync())!.X;
        Assert.True(Math.Abs(after - before) < 80 && after >= 0, $"the organisation column moved from {before} to {after} px");
        await Expect(region.Locator("#ranking thead th.indicator-head").First).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex("^Доля"));
    }

    private static int Number(string text) => int.TryParse(text.Replace("\u00a0", "").Replace(" ", ""), out var n) ? n : 0;

    private static Task<string> FocusedIdAsync(IPage page) => page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''");

    /// <summary>The focused element draws an outline or a focus shadow.</summary>
    private static Task<bool> FocusRingAsync(IPage page) => page.EvaluateAsync<bool>(
        "() => { const s = getComputedStyle(document.activeElement); return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || (s.boxShadow && s.boxShadow !== 'none'); }");
}
