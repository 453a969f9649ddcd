namespace Mera.Core.Imports;

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
        try
        {
            return ext is ".xlsx" or ".xls" or ".xlsm" || LooksLikeExcel(path)
                ? ExcelTableReader.Open(path, displayName, isHeader)
                : CsvTableReader.Open(path, displayName, isHeader);
        }
        catch (Exception ex) when (ex is not ImportRefusedException and not OutOfMemoryException)
        {
            throw new ImportRefusedException([new ImportIssue(IssueSeverity.Error, displayName, null, null,
                $"файл не удалось прочитать как таблицу ({ex.Message})")]);
        }
    }

    /// <summary>Opens a table whose header must contain all required columns (by normalised name).</summary>
    public static TableData OpenWithColumns(string path, IReadOnlyList<string[]> requiredAliases, string? displayName = null)
    {
        var table = Open(path, cells =>
        {
            var names = cells.Select(HeaderText.Normalize).ToHashSet();
            return requiredAliases.All(aliases => aliases.Any(a => names.Contains(HeaderText.Normalize(a))));
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
