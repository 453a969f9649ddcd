using System.Text;

namespace Mera.Core.Imports;

/// <summary>
/// A small streaming RFC 4180 reader (quoted fields, doubled quotes, line breaks inside quotes) that also
/// reports the physical line where each record starts, so messages point at the line a user sees in a text editor.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader, char delimiter) : IDisposable
{
    private int _line = 1;

    public int RecordLine { get; private set; }

    public List<string>? Read()
    {
        var first = reader.Peek();
        if (first < 0)
        {
            return null;
        }
        RecordLine = _line;
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var atFieldStart = true;
        while (true)
        {
            var c = reader.Read();
            if (c < 0)
            {
                fields.Add(field.ToString());
                return fields;
            }
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        _line++;
                    }
                    field.Append(ch);
                }
                continue;
            }
            if (ch == '"' && atFieldStart)
            {
                quoted = true;
                atFieldStart = false;
            }
            else if (ch == delimiter)
            {
                fields.Add(field.ToString());
                field.Clear();
                atFieldStart = true;
            }
            else if (ch == '\r' || ch == '\n')
            {
                if (ch == '\r' && reader.Peek() == '\n')
                {
                    reader.Read();
                }
                _line++;
                fields.Add(field.ToString());
                return fields;
            }
            else
            {
                field.Append(ch);
                atFieldStart = false;
            }
        }
    }

    public void Dispose() => reader.Dispose();
}
