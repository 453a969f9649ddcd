using System.Text.Encodings.Web;
using System.Text.Json;
using Mera.Core.Reading;

namespace Mera.Cli;

/// <summary>What every command writes and reads the same way: JSON output, dates on the command line, import issues.</summary>
internal static class CliFormat
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Task WriteJsonAsync<T>(TextWriter output, T value) => output.WriteLineAsync(JsonSerializer.Serialize(value, Json));

    /// <summary>A date option (ДД.ММ.ГГГГ or ГГГГ-ММ-ДД); null when the option was not given.</summary>
    public static DateOnly? Date(string? text) => text is null ? null
        : CellParsing.TryDate(text, out var d) ? d : throw new ArgumentException($"«{text}» не является датой (ДД.ММ.ГГГГ или ГГГГ-ММ-ДД)");

    public static string Issue(ImportIssue issue) => (issue.Severity == IssueSeverity.Error ? "Ошибка: " : "Предупреждение: ") + issue;
}
