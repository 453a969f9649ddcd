using System.Globalization;
using ExcelDataReader;

namespace Mera.Core.Imports;

/// <summary>XLSX and XLS through ExcelDataReader: the first sheet with a matching header row wins.</summary>
internal static class ExcelTableReader
{
    static ExcelTableReader() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

    public static TableData Open(string path, string displayName, Func<IReadOnlyList<string>, bool> isHeader)
    {
        using (var stream = File.OpenRead(path))
        using (var reader = ExcelReaderFactory.CreateReader(stream))
        {
            var sheet = 0;
            do
            {
                var row = 0;
                while (row < 30 && reader.Read())
                {
                    row++;
                    var cells = ReadCells(reader);
                    if (isHeader(cells))
                    {
                        return new TableData(displayName, reader.Name, cells, ReadRows(path, sheet, row));
                    }
                }
                sheet++;
            }
            while (reader.NextResult());
        }
        return new TableData(displayName, null, [], []);
    }

    private static IEnumerable<TableRow> ReadRows(string path, int sheet, int headerRow)
    {
        using var stream = File.OpenRead(path);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        for (var s = 0; s < sheet; s++)
        {
            reader.NextResult();
        }
        var row = 0;
        while (reader.Read())
        {
            row++;
            if (row <= headerRow)
            {
                continue;
            }
            var record = new TableRow(row, ReadCells(reader));
            if (!record.IsBlank)
            {
                yield return record;
            }
        }
    }

    private static List<string> ReadCells(IExcelDataReader reader)
    {
        var cells = new List<string>(reader.FieldCount);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            cells.Add(reader.GetValue(i) switch
            {
                null => "",
                // Whole numbers print without ".0": an INN stored as a number must come back as its digits.
                double d => d.ToString("0.###############", CultureInfo.InvariantCulture),
                DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                bool b => b ? "1" : "0",
                var v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
            });
        }
        return cells;
    }
}
