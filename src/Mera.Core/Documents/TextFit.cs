namespace Mera.Core.Documents;

/// <summary>
/// How much room text needs, estimated from Times New Roman's (and Liberation Serif's — same metrics) glyph widths:
/// a column is never narrower than its longest word, so no word is split across lines («Едини ца», «Значени е»),
/// and a wrapped spreadsheet row gets the height its longest cell needs. Estimates err on the wide side.
/// </summary>
public static class TextFit
{
    /// <summary>Width of a text in em (multiples of the font size).</summary>
    public static double Em(string text, bool bold = false)
    {
        var em = 0.0;
        foreach (var ch in text)
        {
            em += ch switch
            {
                ' ' or '\u00a0' => 0.25,
                '.' or ',' or ':' or ';' or '!' or '(' or ')' or '«' or '»' or '"' or '\'' or 'i' or 'l' or 'j' or 'I' or 'f' or 't' or 'r' => 0.36,
                '%' or 'ш' or 'щ' or 'ж' or 'ю' or 'м' or 'ы' or 'w' or 'm' or '—' or '№' => 0.8,
                _ when char.IsUpper(ch) => ch is 'Ш' or 'Щ' or 'Ж' or 'Ю' or 'М' or 'Ы' or 'W' or 'M' ? 0.95 : 0.74,
                _ when char.IsDigit(ch) => 0.5,
                _ => 0.52,
            };
        }
        return em * (bold ? 1.08 : 1.0);
    }

    /// <summary>The longest word of a text (what a column must hold unbroken), in em.</summary>
    public static double LongestWordEm(string? text, bool bold = false) =>
        string.IsNullOrEmpty(text) ? 0 : Words(text).Select(w => Em(w, bold)).DefaultIfEmpty(0).Max();

    /// <summary>The longest word a table's column holds, in em: its title (bold) and every cell, bold in total and
    /// section rows — what both the DOCX and the XLSX writers keep unbroken.</summary>
    public static double LongestWordEm(ReportTable table, int column) =>
        table.Rows.Select(r => column < r.Cells.Count ? LongestWordEm(ReportText.Of(r.Cells[column]), r.Mark is RowMark.Total or RowMark.Section) : 0)
            .Append(LongestWordEm(table.Columns[column].Title, bold: true)).Max();

    /// <summary>Lines a text takes when wrapped at word boundaries into `widthEm`.</summary>
    public static int Lines(string? text, double widthEm, bool bold = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 1;
        }
        var lines = 0;
        foreach (var paragraph in text.Split('\n'))
        {
            lines++;
            var used = 0.0;
            foreach (var word in Words(paragraph))
            {
                var w = Em(word, bold);
                var next = used == 0 ? w : used + 0.25 + w;
                if (next > widthEm && used > 0)
                {
                    lines += (int)Math.Max(0, Math.Ceiling(w / widthEm) - 1) + 1;
                    used = w % widthEm;
                }
                else
                {
                    used = next;
                }
            }
        }
        return lines;
    }

    /// <summary>
    /// Column widths (same unit as `total`) that keep each column at least `minimum[i]` and share the rest by
    /// weight; null when the minimums alone exceed the room (the caller takes a smaller type).
    /// </summary>
    public static double[]? Distribute(IReadOnlyList<double> weights, IReadOnlyList<double> minimum, double total)
    {
        if (minimum.Sum() > total)
        {
            return null;
        }
        var n = weights.Count;
        var fixedAt = new bool[n];
        var result = new double[n];
        while (true)
        {
            var free = total - Enumerable.Range(0, n).Where(i => fixedAt[i]).Sum(i => minimum[i]);
            var weight = Enumerable.Range(0, n).Where(i => !fixedAt[i]).Sum(i => weights[i]);
            var changed = false;
            for (var i = 0; i < n; i++)
            {
                result[i] = fixedAt[i] ? minimum[i] : free * weights[i] / Math.Max(weight, 1e-9);
                if (!fixedAt[i] && result[i] < minimum[i])
                {
                    fixedAt[i] = true;
                    changed = true;
                }
            }
            if (!changed)
            {
                return result;
            }
        }
    }

    private static IEnumerable<string> Words(string text) =>
        text.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);
}
