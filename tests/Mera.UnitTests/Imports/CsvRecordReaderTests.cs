using Mera.Core.Reading;

namespace Mera.UnitTests.Imports;

public class CsvRecordReaderTests
{
    private static List<(int Line, List<string> Cells)> ReadAll(string text, char delimiter = ';')
    {
        using var csv = new CsvRecordReader(new StringReader(text), delimiter);
        var records = new List<(int, List<string>)>();
        while (csv.Read() is { } cells)
        {
            records.Add((csv.RecordLine, cells));
        }
        return records;
    }

    [Fact]
    public void Plain_lines_split_on_the_delimiter_and_keep_empty_fields()
    {
        var records = ReadAll("a;b;c\r\n1;;3\n\n4;5;\n");
        List<(int, List<string>)> expected = [(1, ["a", "b", "c"]), (2, ["1", "", "3"]), (3, [""]), (4, ["4", "5", ""])];
        Assert.Equal(expected, records, new RecordComparer());
    }

    [Fact]
    public void Quoted_fields_hold_delimiters_doubled_quotes_and_line_breaks_and_lines_are_counted_physically()
    {
        var records = ReadAll("name;value\n\"МБОУ \"\"СОШ № 1\"\"; г. Енисейск\";12\n\"Школа\nс переносом\";7\nx;\"\"\n");
        Assert.Equal(4, records.Count);
        Assert.Equal((2, new List<string> { "МБОУ \"СОШ № 1\"; г. Енисейск", "12" }), records[1], new RecordComparer());
        Assert.Equal((3, new List<string> { "Школа\nс переносом", "7" }), records[2], new RecordComparer());
        Assert.Equal((5, new List<string> { "x", "" }), records[3], new RecordComparer());
    }

    [Fact]
    public void An_unclosed_quote_runs_to_the_end_of_the_file_without_failing()
    {
        var records = ReadAll("a,\"b\nc\n", ',');
        Assert.Equal((1, new List<string> { "a", "b\nc" }), Assert.Single(records), new RecordComparer());
    }

    private sealed class RecordComparer : IEqualityComparer<(int Line, List<string> Cells)>
    {
        public bool Equals((int Line, List<string> Cells) x, (int Line, List<string> Cells) y) => x.Line == y.Line && x.Cells.SequenceEqual(y.Cells);

        public int GetHashCode((int Line, List<string> Cells) obj) => obj.Line;
    }
}
