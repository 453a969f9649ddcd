using Mera.Core.Formatting;
using Mera.Core.Documents.Charts;

namespace Mera.Core.Documents.Xlsx;

/// <summary>
/// A report as a workbook: the document header, then each block in order on one A4 sheet; numbers are numeric
/// cells with number formats, the main table has a frozen header, a filter and print titles, charts are native.
/// </summary>
public static class XlsxReport
{
    private const string SheetName = "Отчет";

    private const double VisibleCharacters = 180;

    /// <summary>A column width unit is the width of «0» in the workbook's font: about half an em.</summary>
    private const double CharactersPerEm = 2.0;

    public static void Write(ReportDocument document, Stream output)
    {
        using var writer = new XlsxWriter(output);
        var sheet = writer.AddSheet(SheetName);
        var tables = document.Blocks.OfType<ReportTable>().ToList();
        var width = Math.Max(4, tables.Count == 0 ? 4 : tables.Max(t => t.Columns.Count));
        var widths = SetWidths(sheet, tables, width);
        if (document.Landscape)
        {
            sheet.Landscape();
        }
        WriteHeader(sheet, document.Header, widths);
        var charts = 0;
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case ReportHeading h:
                    Line(sheet, h.Text, XlsxStyle.Subtitle, widths);
                    break;
                case ReportParagraph p:
                    Line(sheet, p.Text, p.Bold ? XlsxStyle.Bold : XlsxStyle.Wrapped, widths, wrap: true);
                    break;
                case ReportTable t:
                    WriteTable(sheet, t, widths, document.MainTable == t);
                    sheet.Skip();
                    break;
                case ReportChart c:
                    var dataSheet = $"Данные диаграммы {++charts}";
                    WriteChartData(writer.AddSheet(dataSheet), c);
                    const int chartRows = 20;
                    sheet.Chart(ChartXml.Build(c, dataSheet), 0, sheet.RowCount + 1, Math.Min(width, 12), chartRows);
                    for (var i = 0; i <= chartRows; i++)
                    {
                        sheet.Skip();
                    }
                    break;
            }
        }
        foreach (var line in document.Header.Executor.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Line(sheet, line, XlsxStyle.Normal, widths);
        }
        sheet.Save();
    }

    private static double[] SetWidths(XlsxSheet sheet, IReadOnlyList<ReportTable> tables, int width)
    {
        var result = new double[width];
        for (var c = 0; c < width; c++)
        {
            var widths = tables.Where(t => c < t.Columns.Count).Select(t => t.Columns[c].Width).ToList();
            // Never narrower than the column's longest word, so no word is cut inside a cell.
            var words = tables.Where(t => c < t.Columns.Count).Select(t => TextFit.LongestWordEm(t, c)).DefaultIfEmpty(0).Max();
            result[c] = Math.Max(widths.Count > 0 ? widths.Max() : 14, Math.Ceiling(words * CharactersPerEm + 1.5));
            sheet.Width(c, result[c]);
        }
        return result;
    }

    /// <summary>
    /// Row height for wrapped text: spreadsheet programs do not grow rows when they open a file, so a long school
    /// name would be cut off on screen and in print without it.
    /// </summary>
    private static double? Height(IReadOnlyList<string?> texts, double[] widths, double lineHeight = 15, bool bold = false)
    {
        var lines = 1;
        for (var i = 0; i < texts.Count && i < widths.Length; i++)
        {
            lines = Math.Max(lines, TextFit.Lines(texts[i], (widths[i] - 1) / CharactersPerEm, bold));
        }
        return lines > 1 ? lines * lineHeight + 3 : null;
    }

    private static void WriteHeader(XlsxSheet sheet, ReportHeader header, double[] widths)
    {
        Line(sheet, header.Parent is null ? header.Body : $"{header.Body} ({header.Parent})", XlsxStyle.Bold, widths, wrap: true);
        Line(sheet, header.Title, XlsxStyle.Title, widths, wrap: true);
        Line(sheet, header.Subtitle, XlsxStyle.Subtitle, widths, wrap: true);
        Line(sheet, $"Дата формирования: {RussianFormat.Date(header.Date)}", XlsxStyle.Normal, widths);
        sheet.Skip();
    }

    /// <summary>
    /// A line of text merged across the columns that fit on one screen (about 180 characters), so a paragraph over
    /// a very wide table wraps where a reader can see it; its height grows with the text so print does not cut it.
    /// </summary>
    private static void Line(XlsxSheet sheet, string text, XlsxStyle style, double[] widths, bool wrap = false)
    {
        var columns = 1;
        var characters = widths[0];
        while (columns < widths.Length && characters + widths[columns] <= VisibleCharacters)
        {
            characters += widths[columns++];
        }
        var large = style == XlsxStyle.Title;
        double? height = wrap ? TextFit.Lines(text, (characters - 1) / CharactersPerEm / (large ? 1.3 : 1), bold: style != XlsxStyle.Wrapped) * (large ? 19 : 15) + 3 : null;
        var row = sheet.AddRow(height, XlsxCell.Of(text, style));
        if (columns > 1)
        {
            sheet.Merge(0, row, columns - 1, row);
        }
    }

    private static void WriteTable(XlsxSheet sheet, ReportTable table, double[] widths, bool isMain)
    {
        if (table.Name.Length > 0)
        {
            Line(sheet, table.Name, XlsxStyle.Bold, widths, wrap: true);
        }
        var headerRow = sheet.AddRow(Height(table.Columns.Select(c => c.Title).ToList(), widths, 14, bold: true),
            table.Columns.Select(c => XlsxCell.Of(c.Title, XlsxStyle.Header)).ToArray());
        foreach (var row in table.Rows)
        {
            sheet.AddRow(Height(row.Cells.Select(c => c.IsNumber ? null : c.Text).ToList(), widths, bold: row.Mark is RowMark.Total or RowMark.Section),
                row.Cells.Select(v => Cell(v, row.Mark)).ToArray());
        }
        if (isMain)
        {
            // The header and the names stay in view while scrolling a wide table.
            sheet.FreezeRows((int)headerRow, table.Columns.Count > 12 ? 2 : 0);
            sheet.RepeatRows(headerRow, headerRow);
            if (table.Rows.Count > 0)
            {
                sheet.Filter(0, headerRow, table.Columns.Count - 1, headerRow + (uint)table.Rows.Count);
            }
        }
    }

    private static XlsxCell Cell(ReportValue value, RowMark mark)
    {
        if (!value.IsNumber || value.Number is null)
        {
            var text = value.IsNumber ? "—" : value.Text;
            return XlsxCell.Of(text, mark switch
            {
                RowMark.Lagging => XlsxStyle.LaggingLabel,
                RowMark.Total => XlsxStyle.TotalLabel,
                RowMark.Section => XlsxStyle.Section,
                _ => XlsxStyle.Label,
            });
        }
        var total = mark is RowMark.Total or RowMark.Section;
        var lagging = mark == RowMark.Lagging;
        return XlsxCell.Of(value.Number, value.Format switch
        {
            ValueFormat.Percent => total ? XlsxStyle.TotalPercent : lagging ? XlsxStyle.LaggingPercent : XlsxStyle.Percent,
            ValueFormat.Integer => total ? XlsxStyle.TotalInteger : lagging ? XlsxStyle.LaggingInteger : XlsxStyle.Integer,
            _ => total ? XlsxStyle.TotalNumber : lagging ? XlsxStyle.LaggingNumber : XlsxStyle.Number,
        });
    }

    private static void WriteChartData(XlsxSheet data, ReportChart chart)
    {
        data.Width(0, 40);
        data.AddRow([XlsxCell.Of("", XlsxStyle.Header), .. chart.Series.Select(s => XlsxCell.Of(s.Name, XlsxStyle.Header))]);
        for (var p = 0; p < chart.Categories.Count; p++)
        {
            data.AddRow([XlsxCell.Of(chart.Categories[p], XlsxStyle.Label), .. chart.Series.Select(s => XlsxCell.Of(s.Values[p]))]);
        }
        data.Save();
    }
}
