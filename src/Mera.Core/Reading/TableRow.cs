namespace Mera.Core.Reading;

/// <summary>A data row of a table file; RowNumber is the row as the user sees it in the file (1-based).</summary>
public sealed record TableRow(int RowNumber, IReadOnlyList<string> Cells)
{
    public string Cell(int index) => index >= 0 && index < Cells.Count ? Cells[index].Trim() : "";

    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);

    /// <summary>The cells a spreadsheet stored as dates (their text is «ДД.ММ.ГГГГ»), by column.</summary>
    public IReadOnlyDictionary<int, DateOnly> Dates { get; init; } = EmptyDates;

    private static readonly IReadOnlyDictionary<int, DateOnly> EmptyDates = new Dictionary<int, DateOnly>();

    /// <summary>
    /// A cell where text is expected (an item's number), as the user typed it. Excel and LibreOffice in a Russian locale
    /// turn «1.1.» or «2.1» into the date 1 January or 2 January of the year of typing; the day and month are the two
    /// numbers typed, so the date is read back as «1.1.». Null when the cell is not such a date.
    /// </summary>
    public string? NumberTypedAsDate(int index) =>
        Dates.TryGetValue(index, out var date) ? $"{date.Day}.{date.Month}." : null;

    /// <summary>
    /// The «1 2 3 4 5» row that Russian tables put under their header, and repeat after every page break
    /// (seed 003): at least three filled cells numbered from 1 in order.
    /// </summary>
    public bool IsColumnNumbering
    {
        get
        {
            // Without LINQ: every row of a national file passes here (TableReader drops the repeats after page breaks).
            var expected = 1;
            foreach (var cell in Cells)
            {
                var text = cell.AsSpan().Trim();
                if (text.Length == 0)
                {
                    continue;
                }
                if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n != expected)
                {
                    return false;
                }
                expected++;
            }
            return expected > 3;
        }
    }
}

/// <summary>
/// A table found in a file: the rows above its header (a form's title lines), the header, and a lazily streamed
/// sequence of rows below it.
/// </summary>
public sealed class TableData(string fileName, string? sheet, IReadOnlyList<string> header, IEnumerable<TableRow> rows,
    IReadOnlyList<TableRow>? preamble = null, ReadProgress? progress = null)
{
    /// <summary>How far the streamed rows have got through the file (0–1), for progress bars.</summary>
    public ReadProgress Progress { get; } = progress ?? new ReadProgress();

    public string FileName { get; } = fileName;
    public string? Sheet { get; } = sheet;
    public IReadOnlyList<string> Header { get; } = header;
    public IEnumerable<TableRow> Rows { get; } = rows;
    public IReadOnlyList<TableRow> Preamble { get; } = preamble ?? [];

    /// <summary>The column whose header names one of the given columns (see <see cref="HeaderText.Matches"/>), or -1.</summary>
    public int ColumnOf(params string[] names)
    {
        foreach (var name in names.Select(HeaderText.Normalize))
        {
            for (var i = 0; i < Header.Count; i++)
            {
                if (HeaderText.Matches(Header[i], name))
                {
                    return i;
                }
            }
        }
        return -1;
    }

    /// <summary>A problem located in this table: file, sheet, row and column header.</summary>
    public ImportIssue Issue(IssueSeverity severity, int? row, int column, string message) =>
        new(severity, FileName, row, column >= 0 && column < Header.Count ? Header[column] : null, message, Sheet);

    public ImportIssue Error(int? row, int column, string message) => Issue(IssueSeverity.Error, row, column, message);

    /// <summary>
    /// A number column (an item's «1.1.»), read as typed: a date that a Russian-locale spreadsheet made of it is read
    /// back (see <see cref="TableRow.NumberTypedAsDate"/>) with a warning that names the cell.
    /// </summary>
    public string Number(TableRow row, int column, ICollection<ImportIssue> warnings)
    {
        if (row.NumberTypedAsDate(column) is not { } typed)
        {
            return row.Cell(column);
        }
        warnings.Add(Issue(IssueSeverity.Warning, row.RowNumber, column,
            $"в ячейке {CellAddress(column, row.RowNumber)} номер сохранён как дата {row.Dates[column]:dd.MM.yyyy}; прочитан как «{typed}»"));
        return typed;
    }

    /// <summary>The spreadsheet address of a cell: column 0, row 2 → «A2».</summary>
    public static string CellAddress(int column, int row)
    {
        var letters = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }
        return letters + row;
    }
}

/// <summary>The share of a file read so far, updated by the row readers as they stream.</summary>
public sealed class ReadProgress
{
    public double Fraction { get; internal set; }
}

/// <summary>What an importer reports while reading: rows so far and the share of the file read.</summary>
public readonly record struct ImportProgress(int Rows, double Fraction);
