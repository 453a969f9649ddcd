namespace Mera.Core.Reading;

/// <summary>Opens CSV, XLSX or XLS by extension (or content) and finds the header row by what it must contain.</summary>
public static class TableReader
{
    public static TableData Open(string path, Func<IReadOnlyList<string>, bool> isHeader, string? displayName = null)
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
        try
        {
            var table = ext is ".xlsx" or ".xls" or ".xlsm" || LooksLikeExcel(path)
                ? ExcelTableReader.Open(path, displayName, isHeader)
                : CsvTableReader.Open(path, displayName, isHeader);
            return new TableData(table.FileName, table.Sheet, table.Header, Guarded(table.Rows, displayName), table.Preamble, table.Progress);
        }
        catch (Exception ex) when (ex is not ImportRefusedException and not OutOfMemoryException)
        {
            throw Unreadable(displayName, ex);
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
        ImportRefusedException.Of(displayName, $"файл повреждён или не является таблицей CSV, XLSX или XLS (техническая причина: {ex.Message})");

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
    public static TableData OpenWithColumns(string path, IReadOnlyList<string[]> requiredAliases, string? displayName = null)
    {
        var table = Open(path, cells =>
        {
            return requiredAliases.All(aliases => aliases.Any(a =>
            {
                var name = HeaderText.Normalize(a);
                return cells.Any(c => HeaderText.Matches(c, name));
            }));
        }, displayName);
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
