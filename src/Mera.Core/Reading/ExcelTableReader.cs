using System.Globalization;
using ExcelDataReader;

namespace Mera.Core.Reading;

/// <summary>XLSX and XLS through ExcelDataReader: the first sheet with a matching header row wins.</summary>
internal static class ExcelTableReader
{
    static ExcelTableReader() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

    public static TableData Open(string path, string displayName, Func<IReadOnlyList<string>, bool> isHeader)
    {
        XlsxGuard.Check(path, displayName);
        using (var stream = File.OpenRead(path))
        using (var reader = ExcelReaderFactory.CreateReader(stream))
        {
            var sheet = 0;
            do
            {
                var row = 0;
                var preamble = new List<TableRow>();
                while (row < 30 && reader.Read())
                {
                    row++;
                    var cells = ReadCells(reader);
                    if (isHeader(cells))
                    {
                        var progress = new ReadProgress();
                        return new TableData(displayName, reader.Name, cells, ReadRows(path, sheet, row, progress), preamble, progress);
                    }
                    preamble.Add(new TableRow(row, cells));
                }
                sheet++;
            }
            while (reader.NextResult());
        }
        return new TableData(displayName, null, [], []);
    }

    /// <summary>The first rows of the sheet with the given name (hidden sheets included), or null when there is none.</summary>
    public static List<IReadOnlyList<string>>? ReadSheet(string path, string name, int maxRows, string displayName)
    {
        XlsxGuard.Check(path, displayName);
        using var stream = File.OpenRead(path);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        do
        {
            if (reader.Name == name)
            {
                var rows = new List<IReadOnlyList<string>>();
                while (rows.Count < maxRows && reader.Read())
                {
                    rows.Add(ReadCells(reader));
                }
                return rows;
            }
        }
        while (reader.NextResult());
        return null;
    }

    private static IEnumerable<TableRow> ReadRows(string path, int sheet, int headerRow, ReadProgress progress)
    {
        using var stream = File.OpenRead(path);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        for (var s = 0; s < sheet; s++)
        {
            reader.NextResult();
        }
        var total = Math.Max(1, reader.RowCount);
        var row = 0;
        while (reader.Read())
        {
            row++;
            progress.Fraction = Math.Min(1, (double)row / total);
            if (row <= headerRow)
            {
                continue;
            }
            var cells = ReadCells(reader, out var dates);
            var record = dates is null ? new TableRow(row, cells) : new TableRow(row, cells) { Dates = dates };
            if (!record.IsBlank)
            {
                yield return record;
            }
        }
    }

    private static List<string> ReadCells(IExcelDataReader reader) => ReadCells(reader, out _);

    /// <param name="dates">The cells stored as dates, by column (null when none): see <see cref="TableRow.Dates"/>.</param>
    private static List<string> ReadCells(IExcelDataReader reader, out Dictionary<int, DateOnly>? dates)
    {
        dates = null;
        var cells = new List<string>(reader.FieldCount);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var value = reader.GetValue(i);
            if (value is DateTime date)
            {
                (dates ??= [])[i] = DateOnly.FromDateTime(date);
            }
            cells.Add(value switch
            {
                null => "",
                // Whole numbers print without ".0": an INN stored as a number must come back as its digits.
                double d => d.ToString("0.###############", CultureInfo.InvariantCulture),
                // As a Russian official writes it, so a deadline stored as a date cell reads like a typed one.
                DateTime dt => dt.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
                bool b => b ? "1" : "0",
                var v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
            });
        }
        return cells;
    }
}
