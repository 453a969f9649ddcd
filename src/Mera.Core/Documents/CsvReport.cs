using System.Text;
using Mera.Core.Formatting;

namespace Mera.Core.Documents;

/// <summary>
/// The report's main table as CSV for Excel in a Russian locale: UTF-8 with BOM, «;» separators, numbers with a
/// decimal comma and no thousands separator (so they stay numbers), text neutralised against formula injection.
/// </summary>
public static class CsvReport
{
    public static void Write(ReportDocument document, Stream output)
    {
        var table = document.MainTable ?? throw new InvalidOperationException("В отчёте нет таблицы для CSV");
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        writer.WriteLine(string.Join(';', table.Columns.Select(c => Quote(c.Title))));
        foreach (var row in table.Rows)
        {
            writer.WriteLine(string.Join(';', row.Cells.Select(Field)));
        }
    }

    private static string Field(ReportValue value) => value switch
    {
        { IsNumber: false } => Quote(SpreadsheetText.Safe(value.Text)),
        { Number: null } => "",
        _ => value.Number.Value.ToString("0.############", RussianFormat.Culture),
    };

    /// <summary>
    /// Quoted when it holds any list separator an office program might split on (a comma too, though Mera writes «;»):
    /// «x,=cmd|…» split at the comma would start a cell with «=».
    /// </summary>
    private static string Quote(string text) =>
        text.IndexOfAny([';', ',', '\t', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
}
