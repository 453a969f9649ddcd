namespace Mera.Core.Reading;

/// <summary>CSV with `;`, `,` or tab, detected from the first lines; rows are streamed, never loaded whole.</summary>
internal static class CsvTableReader
{
    public static TableData Open(string path, string displayName, Func<IReadOnlyList<string>, bool> isHeader)
    {
        string firstLines;
        System.Text.Encoding encoding;
        using (var probe = File.OpenRead(path))
        {
            encoding = TextEncodingDetector.Detect(probe);
            using var text = new StreamReader(probe, encoding, detectEncodingFromByteOrderMarks: true);
            var buffer = new char[8192];
            firstLines = new string(buffer, 0, text.ReadBlock(buffer, 0, buffer.Length));
        }
        var delimiter = DetectDelimiter(firstLines);
        var header = FindHeader(path, encoding, delimiter, isHeader, out var headerRow, out var preamble);
        if (header is null)
        {
            return new TableData(displayName, null, [], []);
        }
        var progress = new ReadProgress();
        return new TableData(displayName, null, header, ReadRows(path, encoding, delimiter, headerRow, progress), preamble, progress);
    }

    private static string DetectDelimiter(string sample)
    {
        var lines = sample.Split('\n').Take(5).ToList();
        var candidates = new[] { ";", ",", "\t" };
        return candidates.OrderByDescending(d => lines.Sum(l => l.Split(d[0]).Length - 1)).First();
    }

    private static CsvRecordReader CreateReader(string path, System.Text.Encoding encoding, string delimiter) =>
        new(new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: true), delimiter[0]);

    private static List<string>? FindHeader(string path, System.Text.Encoding encoding, string delimiter,
        Func<IReadOnlyList<string>, bool> isHeader, out int headerRow, out List<TableRow> preamble)
    {
        using var csv = CreateReader(path, encoding, delimiter);
        headerRow = 0;
        preamble = [];
        var records = 0;
        while (records++ < 30 && csv.Read() is { } cells)
        {
            headerRow = csv.RecordLine;
            if (isHeader(cells))
            {
                return cells;
            }
            preamble.Add(new TableRow(headerRow, cells));
        }
        return null;
    }

    private static IEnumerable<TableRow> ReadRows(string path, System.Text.Encoding encoding, string delimiter, int headerRow,
        ReadProgress progress)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var length = Math.Max(1, stream.Length);
        using var csv = new CsvRecordReader(new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true), delimiter[0]);
        while (csv.Read() is { } cells)
        {
            progress.Fraction = (double)stream.Position / length;
            if (csv.RecordLine <= headerRow)
            {
                continue;
            }
            var record = new TableRow(csv.RecordLine, cells);
            if (!record.IsBlank)
            {
                yield return record;
            }
        }
    }
}
