using System.Text.RegularExpressions;
using Mera.Core.Documents;

namespace Mera.IntegrationTests.Reports;

/// <summary>
/// Reads a rendered report as a ministry officer would and lists what they would send back: a word split across
/// lines (a line ending in a token that is not a word of the document but joins with the next line's first token
/// into one, or a number and its «%» torn apart), an internal code, a login, «0,0 %» that no reported zero explains,
/// and a plan printed next to «План не установлен». The document model gives the words as written.
/// </summary>
public static partial class DocumentChecker
{
    /// <summary>Domains of the seeds' own wording, not codes.</summary>
    private static readonly string[] _allowedDotted = ["educont.ru", "tatar.ru", "example.ru"];

    public static IReadOnlyList<string> Problems(ReportDocument document, string pdfText, IReadOnlyCollection<string> logins)
    {
        var problems = new List<string>();
        var words = Words(document);
        var lines = pdfText.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        for (var i = 0; i + 1 < lines.Count; i++)
        {
            var a = Tokens(lines[i]).LastOrDefault();
            var b = Tokens(lines[i + 1]).FirstOrDefault();
            if (a is null || b is null)
            {
                continue;
            }
            if (!words.Contains(a) && (words.Contains(a + b) || a.EndsWith('-') && words.Contains(a[..^1] + b)))
            {
                problems.Add($"слово разорвано переносом строки: «{a}» / «{b}»");
            }
            if (words.Contains(a + "\u00a0" + b))
            {
                problems.Add($"неразрывное сочетание разорвано: «{a}» / «{b}»");
            }
        }
        var flat = RenderedText.Normalise(pdfText);
        foreach (Match m in Code().Matches(flat))
        {
            if (!_allowedDotted.Any(d => m.Value.EndsWith(d, StringComparison.Ordinal)))
            {
                problems.Add($"внутренний код в тексте: «{m.Value}»");
            }
        }
        foreach (var login in logins)
        {
            if (Tokens(flat).Any(t => t.Trim('(', ')', ',', '.', ':') == login))
            {
                problems.Add($"логин в тексте: «{login}»");
            }
        }
        var realZero = document.Blocks.Concat(document.PrintBlocks ?? []).OfType<ReportTable>().SelectMany(t => t.Rows).SelectMany(r => r.Cells)
            .Any(c => c.Format == ValueFormat.Percent && c.Number == 0);
        if (!realZero && ZeroPercent().IsMatch(flat))
        {
            problems.Add("«0,0 %» без нулевого значения в данных");
        }
        foreach (var table in document.Blocks.Concat(document.PrintBlocks ?? []).OfType<ReportTable>())
        {
            var planColumns = table.Columns.Select((c, i) => (c, i)).Where(x => x.c.Title.StartsWith("План")).Select(x => x.i).ToList();
            foreach (var row in table.Rows.Where(r => r.Cells.Any(c => c.Text?.Contains("План не установлен", StringComparison.OrdinalIgnoreCase) == true)))
            {
                if (planColumns.Any(i => i < row.Cells.Count && row.Cells[i].Number is not null))
                {
                    problems.Add($"план рядом с «План не установлен»: {string.Join(" | ", row.Cells.Select(ReportText.Of))}");
                }
            }
        }
        return problems;
    }

    /// <summary>Every whitespace-separated token the document holds (a no-break space keeps a token whole).</summary>
    private static HashSet<string> Words(ReportDocument document)
    {
        var texts = new List<string> { document.Header.Body, document.Header.Parent ?? "", document.Header.Title, document.Header.Subtitle, document.Header.Executor };
        foreach (var block in document.Blocks.Concat(document.PrintBlocks ?? []))
        {
            switch (block)
            {
                case ReportHeading h: texts.Add(h.Text); break;
                case ReportParagraph p: texts.Add(p.Text); break;
                case ReportTable t:
                    texts.Add(t.Name);
                    texts.AddRange(t.Columns.Select(c => c.Title));
                    texts.AddRange(t.Rows.SelectMany(r => r.Cells).Select(ReportText.Of));
                    break;
                case ReportChart c:
                    texts.Add(c.Title);
                    texts.AddRange(c.Categories);
                    texts.AddRange(c.Series.Select(s => s.Name));
                    break;
            }
        }
        return texts.SelectMany(Tokens).ToHashSet();
    }

    private static IEnumerable<string> Tokens(string text) => text.Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex(@"\b[a-z]+\.[a-z_.]+[a-z]")]
    private static partial Regex Code();

    [GeneratedRegex(@"(?<![\d,.])0[,.]0 %")]
    private static partial Regex ZeroPercent();
}
