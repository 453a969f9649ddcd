using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Mera.BrowserTests;

/// <summary>
/// Issue 21: every page every demo role reaches from its menu (and one step further), at 1366 and 390 px: no page
/// wider than the screen, and no internal code in what the user reads — element codes («educont.students.registered»),
/// CLI flags («--period»), period codes («2026Q3»). «Методика» shows element codes inside formulas on purpose (the admin
/// writes formulas with them); text in its `code` elements is left out there, and only there. Every page is kept as a
/// screenshot of its first screen at both widths in `artifacts/pages/ROLE/`.
/// </summary>
[Trait("Category", "Calendar")]
[Collection(ServerCollection.Name)]
public partial class Crawl(MeraServer server)
{
    private static readonly string[] Roles = ["admin", "minobr", "enisey", "school1", "viewer"];
    private const int MaxPagesPerRole = 45;

    public static TheoryData<string> RoleData => new(Roles);

    [Theory]
    [MemberData(nameof(RoleData))]
    public async Task Every_page_of_a_role_fits_a_phone_and_shows_no_internal_codes(string login)
    {
        var page = await server.SignInAsync(login);
        var problems = new List<string>();
        var seen = new HashSet<string>();
        var queue = new Queue<string>(await LinksAsync(page));
        var visited = 0;
        while (queue.Count > 0 && visited < MaxPagesPerRole)
        {
            var path = queue.Dequeue();
            if (!seen.Add(Shape(path)))
            {
                continue;
            }
            visited++;
            IResponse? response;
            try
            {
                response = await page.GotoAsync(server.BaseUrl + path);
            }
            catch (PlaywrightException)
            {
                continue; // a file download, not a page
            }
            if (response is null || response.Status >= 400 || !(response.Headers.GetValueOrDefault("content-type") ?? "").Contains("text/html"))
            {
                if (response is { Status: >= 500 })
                {
                    problems.Add($"{path}: HTTP {response.Status}");
                }
                continue;
            }
            foreach (var width in new[] { 1366, 390 })
            {
                await page.SetViewportSizeAsync(width, width == 390 ? 844 : 900);
                var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
                if (overflow > 1)
                {
                    problems.Add($"{path} at {width} px: {overflow} px wider than the screen");
                }
                var broken = await page.EvaluateAsync<string[]>(BrokenWordsScript);
                if (broken.Length > 0)
                {
                    problems.Add($"{path} at {width} px: words broken inside table cells: {string.Join(", ", broken)}");
                }
                // The visual record of issue 21: every page of every role at both widths, beside the journeys' screenshots.
                await MeraServer.ShotAsync(page, Path.Combine("pages", login, $"{FileName(path)}-{width}"), fullPage: false);
            }
            await page.SetViewportSizeAsync(1366, 900);
            // ГОСТ Р 52872-2019 (WCAG 2.1 AA): no serious or critical violation axe-core finds.
            var axe = await page.RunAxe();
            foreach (var violation in axe.Violations.Where(v => v.Impact is "serious" or "critical"))
            {
                problems.Add($"{path}: axe {violation.Id} ({violation.Impact}), {violation.Nodes.Length} el.: "
                    + string.Join(" | ", violation.Nodes.Take(3).Select(n => n.Html[..Math.Min(100, n.Html.Length)])));
            }
            var text = await page.EvaluateAsync<string>(path.StartsWith("/catalog")
                ? "() => { const c = document.body.cloneNode(true); c.querySelectorAll('code, script, style').forEach(e => e.remove()); return c.innerText; }"
                : "() => document.body.innerText");
            // Chart labels are drawn on a canvas, out of the page's text: they are read from the data they are drawn from.
            text += "\n" + await page.EvaluateAsync<string>("() => [...document.querySelectorAll('[data-labels]')].map(e => JSON.parse(e.dataset.labels).join('\\n')).join('\\n')");
            foreach (var code in Codes(text).Distinct().Take(5))
            {
                problems.Add($"{path}: shows «{code}»");
            }
            foreach (var link in await LinksAsync(page))
            {
                queue.Enqueue(link);
            }
        }
        Assert.True(problems.Count == 0, $"{login}, {visited} pages:\n" + string.Join("\n", problems));
    }

    /// <summary>
    /// Words of table cells that a narrow column broke across lines («Организация» as «Орган / изация»): a page can fit
    /// the phone and still be unreadable. Words joined by a hyphen or a dash (they break there, as in «30.11–06.12.2026»)
    /// and clamped headers (their full text is the title) are left out; a word longer than the whole screen may break.
    /// </summary>
    private const string BrokenWordsScript = """
        () => {
          const broken = new Set();
          for (const cell of document.querySelectorAll('main td, main th')) {
            if (cell.closest('.clamp-3') || cell.querySelector('.clamp-3')) continue;
            const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
            for (let node; (node = walker.nextNode());) {
              if (!node.parentElement.checkVisibility()) continue; // the body of a closed «details» is not laid out
              for (const m of node.data.matchAll(/[^\s\-–—]{4,}/g)) {
                if (/[-–—]/.test(node.data.slice(Math.max(0, m.index - 1), m.index + m[0].length + 1))) continue;
                const range = document.createRange();
                range.setStart(node, m.index);
                range.setEnd(node, m.index + m[0].length);
                const width = range.getBoundingClientRect().width;
                const lines = [...range.getClientRects()].filter(r => r.width > 0).length;
                if (lines > 1 && width < window.innerWidth * 0.8) broken.add(m[0]);
              }
            }
          }
          return [...broken].slice(0, 5);
        }
        """;

    /// <summary>Code-like tokens in visible text; e-mail addresses and web addresses are what people read, not codes.</summary>
    public static IEnumerable<string> Codes(string text) =>
        CodeRegex().Matches(text).Select(m => m.Value)
            .Where(v => !WebAddressRegex().IsMatch(v));

    [GeneratedRegex(@"(?<![\w@.\-/])(?:[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+|--[a-z][a-z\-]+|20\d\dQ[1-4]|20\d\d-W\d\d)(?![\w@])")]
    private static partial Regex CodeRegex();

    [GeneratedRegex(@"\.(ru|com|org|net|su|рф|gov\.ru)$|^(www|http)")]
    private static partial Regex WebAddressRegex();

    private static string FileName(string path)
    {
        var name = Regex.Replace(Shape(path).Trim('/'), "[^A-Za-z0-9]+", "-").Trim('-');
        return name.Length == 0 ? "home" : name;
    }

    /// <summary>The same page with other ids or query values is one page («/submissions/5» and «/submissions/6»).</summary>
    private static string Shape(string path) => DigitsRegex().Replace(path.Split('?')[0], "N");

    [GeneratedRegex(@"\d+")]
    private static partial Regex DigitsRegex();

    private static async Task<IReadOnlyList<string>> LinksAsync(IPage page) =>
        (await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('a[href^=\"/\"]')].map(a => a.getAttribute('href'))"))
            .Where(h => !h.StartsWith("/logout") && !h.StartsWith("/api") && !h.Contains("handler=") && !h.Contains("format=")
                && !h.Contains("download") && !h.Contains("export") && !h.Contains("/report") && !h.EndsWith(".xlsx") && !h.EndsWith(".docx"))
            .Select(h => h.Split('#')[0]).Where(h => h.Length > 0).Distinct().ToList();
}
