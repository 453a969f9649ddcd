namespace Mera.Core.Reading;

/// <summary>
/// Opens CSV, XLSX, XLS or a Word document (DOCX) by extension or content and finds the header row by what it must
/// contain. A table copied from a printed document repeats its header and its «1 2 3 4 5» column numbers after every
/// page break: those rows are not data and are dropped here, for every format.
/// </summary>
public static class TableReader
{
    /// <param name="tableNumber">A Word document's table to read (from 1); by default the first whose header matches.</param>
    public static TableData Open(string path, Func<IReadOnlyList<string>, bool> isHeader, string? displayName = null, int? tableNumber = null)
    {
        displayName ??= Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new ImportRefusedException([new ImportIssue(IssueSeverity.Error, displayName, null, null, "файл не найден")]);
        }
        var ext = Path.GetExtension(path).ToLowerInvariant();
        var length = new FileInfo(path).Length;
        if (length == 0)
        {
            throw ImportRefusedException.Of(displayName, "файл пустой");
        }
        if (length > ImportLimits.MaxFileBytes)
        {
            throw ImportRefusedException.Of(displayName, $"файл больше {ImportLimits.MaxFileBytes / 1024 / 1024} МБ: разделите его на части");
        }
        RefuseOldOfficeFormats(path, ext, displayName);
        try
        {
            var table = ext == ".docx" || WordTableReader.IsWordPackage(path)
                ? WordTableReader.Open(path, displayName, isHeader, tableNumber)
                : ext is ".xlsx" or ".xls" or ".xlsm" || LooksLikeExcel(path)
                ? ExcelTableReader.Open(path, displayName, isHeader)
                : CsvTableReader.Open(path, displayName, isHeader);
            return new TableData(table.FileName, table.Sheet, table.Header, Guarded(WithoutRepeats(table.Rows, table.Header, table.Preamble), displayName),
                table.Preamble, table.Progress);
        }
        catch (Exception ex) when (ex is not ImportRefusedException and not OutOfMemoryException)
        {
            throw Unreadable(displayName, ex);
        }
    }

    /// <summary>A Word 97–2003 or OpenDocument text is not read: the message says how to make it a DOCX.</summary>
    private static void RefuseOldOfficeFormats(string path, string ext, string displayName)
    {
        if (ext is ".doc" or ".rtf" or ".odt" || (ext is not ".xls" && IsOle2(path)))
        {
            throw ImportRefusedException.Of(displayName, ext == ".odt"
                ? "документ OpenDocument (.odt) не читается: откройте его в LibreOffice Writer и сохраните как «Word 2007–365 (.docx)»"
                : "документ в старом формате Word (.doc или .rtf) не читается: откройте его в Word или LibreOffice и сохраните как «Документ Word (.docx)»");
        }
    }

    private static bool IsOle2(string path)
    {
        Span<byte> head = stackalloc byte[4];
        using var s = File.OpenRead(path);
        return s.Read(head) == 4 && head[0] == 0xD0 && head[1] == 0xCF && head[2] == 0x11 && head[3] == 0xE0
            && LooksLikeWordBinary(path);
    }

    /// <summary>An OLE2 file is a Word 97–2003 document when it has a «WordDocument» stream (its name is stored in UTF-16).</summary>
    private static bool LooksLikeWordBinary(string path)
    {
        var name = System.Text.Encoding.Unicode.GetBytes("WordDocument");
        var bytes = File.ReadAllBytes(path);
        return bytes.AsSpan().IndexOf(name) >= 0;
    }

    /// <summary>
    /// Drops the header, the rows of a header several rows high (those above it with two or more filled cells) and the
    /// column-number row where a printed table repeats them after a page break.
    /// </summary>
    private static IEnumerable<TableRow> WithoutRepeats(IEnumerable<TableRow> rows, IReadOnlyList<string> header, IReadOnlyList<TableRow> preamble)
    {
        static string Key(IEnumerable<string> cells) => string.Join('\u001f', cells.Select(HeaderText.Normalize)).TrimEnd('\u001f');
        var headers = preamble.Where(r => r.Cells.Count(c => c.Trim().Length > 0) >= 2).Select(r => r.Cells).Append(header)
            .Where(cells => cells.Any(c => HeaderText.Normalize(c).Length > 0)).ToList();
        var keys = headers.Select(Key).ToHashSet();
        // A row is compared in full only when its first cell reads like a header's first cell: every row of a national
        // file passes here, and normalising all its cells would cost more than the check is worth.
        var firsts = headers.Select(cells => cells.Count > 0 ? cells[0].Trim() : "").ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            var first = row.Cells.Count > 0 ? row.Cells[0].Trim() : "";
            if (row.IsColumnNumbering || (firsts.Contains(first) && keys.Contains(Key(row.Cells))))
            {
                continue;
            }
            yield return row;
        }
    }

    /// <summary>Rows stream lazily, so a file damaged past its header fails while being read: refuse it the same way.</summary>
    private static IEnumerable<TableRow> Guarded(IEnumerable<TableRow> rows, string displayName)
    {
        using var e = rows.GetEnumerator();
        while (true)
        {
            try
            {
                if (!e.MoveNext())
                {
                    yield break;
                }
            }
            catch (Exception ex) when (ex is not ImportRefusedException and not OutOfMemoryException)
            {
                throw Unreadable(displayName, ex);
            }
            yield return e.Current;
        }
    }

    private static ImportRefusedException Unreadable(string displayName, Exception ex) =>
        ImportRefusedException.Of(displayName, $"файл повреждён или не является таблицей CSV, XLSX, XLS или документом DOCX (техническая причина: {ex.Message})");

    /// <summary>Key/value pairs from the first two columns of a named sheet of a workbook; null when the sheet is absent.</summary>
    public static Dictionary<string, string>? ReadKeyValueSheet(string path, string sheet, string? displayName = null)
    {
        displayName ??= Path.GetFileName(path);
        try
        {
            if (!LooksLikeExcel(path))
            {
                return null;
            }
            var rows = ExcelTableReader.ReadSheet(path, sheet, maxRows: 100, displayName);
            return rows?.Where(r => r.Count >= 2 && r[0].Length > 0)
                .GroupBy(r => r[0].Trim()).ToDictionary(g => g.Key, g => g.First()[1].Trim());
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not ImportRefusedException)
        {
            throw Unreadable(displayName, ex);
        }
    }

    /// <summary>Opens a table whose header must contain all required columns (by normalised name).</summary>
    public static TableData OpenWithColumns(string path, IReadOnlyList<string[]> requiredAliases, string? displayName = null,
        int? tableNumber = null)
    {
        var table = Open(path, cells =>
        {
            return requiredAliases.All(aliases => aliases.Any(a =>
            {
                var name = HeaderText.Normalize(a);
                return cells.Any(c => HeaderText.Matches(c, name));
            }));
        }, displayName, tableNumber);
        if (table.Header.Count == 0)
        {
            var expected = string.Join(", ", requiredAliases.Select(a => $"«{a[0]}»"));
            throw new ImportRefusedException([new ImportIssue(IssueSeverity.Error, table.FileName, null, null,
                $"не найдена строка заголовков: ожидаются столбцы {expected}")]);
        }
        return table;
    }

    private static bool LooksLikeExcel(string path)
    {
        Span<byte> head = stackalloc byte[4];
        using var s = File.OpenRead(path);
        var n = s.Read(head);
        // ZIP (xlsx) or OLE2 (xls) signatures: a misnamed spreadsheet still imports.
        return n == 4 && ((head[0] == 0x50 && head[1] == 0x4B) || (head[0] == 0xD0 && head[1] == 0xCF));
    }
}
