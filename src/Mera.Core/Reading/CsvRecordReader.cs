using System.Text;

namespace Mera.Core.Reading;

/// <summary>
/// A small streaming RFC 4180 reader (quoted fields, doubled quotes, line breaks inside quotes) that also
/// reports the physical line where each record starts, so messages point at the line a user sees in a text editor.
/// Lines are read whole (StreamReader's vectorised line search) and a line without quotes is split directly:
/// that is nearly every line of a platform export or a national values file.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader, char delimiter) : IDisposable
{
    private int _line = 1;
    private readonly StringBuilder _field = new();

    public int RecordLine { get; private set; }

    public List<string>? Read()
    {
        var line = reader.ReadLine();
        if (line is null)
        {
            return null;
        }
        RecordLine = _line++;
        if (!line.Contains('"'))
        {
            return Split(line);
        }
        return ReadQuoted(line);
    }

    private List<string> Split(string line)
    {
        var fields = new List<string>(8);
        var start = 0;
        int next;
        while ((next = line.IndexOf(delimiter, start)) >= 0)
        {
            fields.Add(line[start..next]);
            start = next + 1;
        }
        fields.Add(line[start..]);
        return fields;
    }

    /// <summary>The general case: quotes, doubled quotes, and quoted fields that run over several lines.</summary>
    private List<string> ReadQuoted(string line)
    {
        var fields = new List<string>();
        var field = _field.Clear();
        var quoted = false;
        var atFieldStart = true;
        while (true)
        {
            for (var i = 0; i < line.Length; i++)
            {
                var ch = line[i];
                if (quoted)
                {
                    if (ch != '"')
                    {
                        field.Append(ch);
                    }
                    else if (i + 1 < line.Length && line[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else if (ch == '"' && atFieldStart)
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
                else
                {
                    field.Append(ch);
                    atFieldStart = false;
                }
            }
            if (!quoted || reader.ReadLine() is not { } more)
            {
                fields.Add(field.ToString());
                return fields;
            }
            // A line break inside quotes belongs to the field; the record goes on on the next physical line.
            field.Append('\n');
            line = more;
            _line++;
        }
    }

    public void Dispose() => reader.Dispose();
}
