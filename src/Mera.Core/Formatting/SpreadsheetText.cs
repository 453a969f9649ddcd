namespace Mera.Core.Formatting;

/// <summary>
/// Text cells for CSV and spreadsheet exports: a value that starts with «=», «+», «-», «@» (or a tab/CR) would be
/// run as a formula by Excel or Calc, so it is written with a leading apostrophe and read back as plain text.
/// </summary>
public static class SpreadsheetText
{
    /// <summary>A neutralised text as one quoted CSV field.</summary>
    public static string CsvField(string? text) => "\"" + Safe(text).Replace("\"", "\"\"") + "\"";

    public static string Safe(string? text) =>
        string.IsNullOrEmpty(text) ? "" : text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
