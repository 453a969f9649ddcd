namespace Mera.Core.Imports;

/// <summary>A data row of a table file; RowNumber is the row as the user sees it in the file (1-based).</summary>
public sealed record TableRow(int RowNumber, IReadOnlyList<string> Cells)
{
    public string Cell(int index) => index >= 0 && index < Cells.Count ? Cells[index].Trim() : "";

    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>A table found in a file: its header and a lazily streamed sequence of rows below it.</summary>
public sealed class TableData(string fileName, string? sheet, IReadOnlyList<string> header, IEnumerable<TableRow> rows)
{
    public string FileName { get; } = fileName;
    public string? Sheet { get; } = sheet;
    public IReadOnlyList<string> Header { get; } = header;
    public IEnumerable<TableRow> Rows { get; } = rows;

    /// <summary>The column whose normalised header equals one of the names, or -1.</summary>
    public int ColumnOf(params string[] names)
    {
        var wanted = names.Select(HeaderText.Normalize).ToHashSet();
        for (var i = 0; i < Header.Count; i++)
        {
            if (wanted.Contains(HeaderText.Normalize(Header[i])))
            {
                return i;
            }
        }
        return -1;
    }
}
