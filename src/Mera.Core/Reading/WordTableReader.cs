using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;

namespace Mera.Core.Reading;

/// <summary>
/// The tables of a Word document (DOCX), read the way a person sees them: roadmaps, agreement annexes, decisions and
/// target tables live in Word. Merged cells are laid out on the table's grid — a cell spanning columns (`gridSpan`)
/// leaves the columns it covers empty, a cell merged down (`vMerge`) repeats its text in every row it covers, so a
/// «Ответственный» written once for three items belongs to each. Soft hyphens vanish, line breaks and paragraphs
/// inside a cell become line breaks. The table is the first whose header matches, or the one the user names.
/// </summary>
internal static class WordTableReader
{
    /// <summary>A header is looked for in this many first rows of each table (title rows of a form come first).</summary>
    private const int HeaderSearchRows = 30;

    public static TableData Open(string path, string displayName, Func<IReadOnlyList<string>, bool> isHeader, int? tableNumber)
    {
        XlsxGuard.Check(path, displayName);
        using var document = WordprocessingDocument.Open(path, false);
        var body = document.MainDocumentPart?.Document?.Body
            ?? throw ImportRefusedException.Of(displayName, "в документе Word нет текста");
        // Tables inside table cells are a layout device, not data: only top-level tables count.
        var tables = body.Descendants<Table>().Where(t => !t.Ancestors<Table>().Any()).ToList();
        if (tables.Count == 0)
        {
            throw ImportRefusedException.Of(displayName, "в документе Word нет таблиц");
        }
        if (tableNumber is int n && (n < 1 || n > tables.Count))
        {
            throw ImportRefusedException.Of(displayName, $"таблицы № {n} в документе нет: в нём {Tables(tables.Count)}");
        }
        var candidates = tableNumber is int chosen ? [chosen - 1] : Enumerable.Range(0, tables.Count);
        foreach (var index in candidates)
        {
            var rows = Grid(tables[index]);
            for (var r = 0; r < Math.Min(rows.Count, HeaderSearchRows); r++)
            {
                if (isHeader(rows[r]))
                {
                    var sheet = tables.Count > 1 ? $"таблица {index + 1}" : null;
                    var preamble = rows.Take(r).Select((cells, i) => new TableRow(i + 1, cells)).ToList();
                    var data = rows.Skip(r + 1).Select((cells, i) => new TableRow(r + 2 + i, cells)).Where(row => !row.IsBlank).ToList();
                    return new TableData(displayName, sheet, rows[r], data, preamble, new ReadProgress { Fraction = 1 });
                }
            }
        }
        return new TableData(displayName, null, [], []);
    }

    private static string Tables(int count) => Formatting.RussianFormat.Count(count, "таблица", "таблицы", "таблиц");

    /// <summary>The table's rows on its column grid, merged cells resolved (see the class summary).</summary>
    private static List<IReadOnlyList<string>> Grid(Table table)
    {
        var rows = new List<IReadOnlyList<string>>();
        List<string>? above = null;
        foreach (var row in table.Elements<WordRow>())
        {
            var cells = new List<string>();
            var before = row.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
            cells.AddRange(Enumerable.Repeat("", before));
            foreach (var cell in row.Elements<TableCell>())
            {
                var properties = cell.TableCellProperties;
                var span = Math.Max(1, properties?.GridSpan?.Val?.Value ?? 1);
                var merge = properties?.VerticalMerge;
                // `<w:vMerge/>` without a value continues the cell above; `w:val="restart"` starts a merge.
                var continues = merge is not null && (merge.Val is null || merge.Val.Value == MergedCellValues.Continue);
                var column = cells.Count;
                var text = continues && above is not null && column < above.Count ? above[column] : CellText(cell);
                cells.Add(text);
                cells.AddRange(Enumerable.Repeat("", span - 1));
            }
            rows.Add(cells);
            above = cells;
        }
        return rows;
    }

    /// <summary>The cell's text as printed: paragraphs and line breaks as "\n", tabs as spaces, soft hyphens dropped.</summary>
    private static string CellText(TableCell cell)
    {
        var text = new StringBuilder();
        foreach (var paragraph in cell.Elements<Paragraph>())
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }
            text.Append(ParagraphText(paragraph, lineBreak: '\n'));
        }
        return text.Replace("\u00AD", "").ToString().Trim();
    }

    /// <summary>A paragraph's text as printed: tabs as spaces, a line break as <paramref name="lineBreak"/>, a non-breaking hyphen as «-».</summary>
    internal static string ParagraphText(Paragraph paragraph, char lineBreak)
    {
        var text = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case Text t:
                    text.Append(t.Text);
                    break;
                case TabChar:
                    text.Append(' ');
                    break;
                case Break or CarriageReturn:
                    text.Append(lineBreak);
                    break;
                case NoBreakHyphen:
                    text.Append('-');
                    break;
            }
        }
        return text.ToString();
    }

    /// <summary>A ZIP holding a Word document's body: a DOCX whatever its name says.</summary>
    public static bool IsWordPackage(string path)
    {
        try
        {
            using var zip = System.IO.Compression.ZipFile.OpenRead(path);
            return zip.Entries.Any(e => e.FullName.Equals("word/document.xml", StringComparison.OrdinalIgnoreCase));
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
