using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Mera.Core.Formatting;
using Mera.Core.Documents.Charts;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using Dw = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace Mera.Core.Documents.Docx;

/// <summary>
/// A report as a Word document on A4 in the manner of the seeds: the body and title centred, Times New Roman,
/// tables with header rows repeated on every page, lagging rows shaded, native charts, the executor at the end.
/// </summary>
public static class DocxReport
{
    // ГОСТ Р 7.0.97-2025: A4, margins left 20, right 10, top and bottom 20 mm (in twentieths of a point).
    private const int PageWidth = 11906, PageHeight = 16838, LeftMargin = 1134, RightMargin = 567, VerticalMargin = 1134;
    private const int CellMargins = 2 * 60 + 40;
    private const string LaggingFill = "F8D7DA", HeaderFill = "E7ECF3";

    public static void Write(ReportDocument document, Stream output)
    {
        using var word = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = word.AddMainDocumentPart();
        main.Document = new Document(new Body());
        DocxStyles.Add(main);
        var body = main.Document.Body!;
        var textWidth = (document.Landscape ? PageHeight : PageWidth) - LeftMargin - RightMargin;

        var h = document.Header;
        body.Append(Paragraph(h.Body, JustificationValues.Center, bold: true));
        if (h.Parent is not null)
        {
            body.Append(Paragraph(h.Parent, JustificationValues.Center));
        }
        body.Append(Paragraph(RussianFormat.Date(h.Date), JustificationValues.Right));
        body.Append(Paragraph(h.Title, JustificationValues.Center, bold: true, size: 28, spaceBefore: 240));
        body.Append(Paragraph(h.Subtitle, JustificationValues.Center, spaceAfter: 240));

        var charts = 0;
        foreach (var block in document.PageBlocks)
        {
            switch (block)
            {
                case ReportHeading heading:
                    body.Append(Paragraph(heading.Text, JustificationValues.Left, bold: true, spaceBefore: 240, keepNext: true));
                    break;
                case ReportParagraph p:
                    body.Append(Paragraph(p.Text, JustificationValues.Both, bold: p.Bold, italic: p.Italic, indent: true));
                    break;
                case ReportTable t:
                    if (t.Name.Length > 0)
                    {
                        body.Append(Paragraph(t.Name, JustificationValues.Left, bold: true, spaceBefore: 120, keepNext: true));
                    }
                    body.Append(Table(t, textWidth));
                    body.Append(Paragraph("", JustificationValues.Left));
                    break;
                case ReportChart c:
                    body.Append(Chart(main, c, textWidth, ++charts));
                    break;
            }
        }
        // The executor mark (ГОСТ Р 7.0.97-2025): full name and phone, small type, at the end of the last page.
        var executor = h.Executor.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < executor.Length; i++)
        {
            body.Append(Paragraph(executor[i], JustificationValues.Left, spaceBefore: i == 0 ? 480 : 0, size: 20));
        }
        body.Append(Section(main, document.Landscape));
        main.Document.Save();
    }

    private static Paragraph Paragraph(string text, JustificationValues align, bool bold = false, bool italic = false, int? size = null,
        int spaceBefore = 0, int spaceAfter = 0, bool indent = false, bool keepNext = false)
    {
        var props = new ParagraphProperties();
        if (keepNext)
        {
            props.Append(new KeepNext());
        }
        props.Append(new SpacingBetweenLines { Before = spaceBefore.ToString(), After = spaceAfter.ToString() });
        if (indent)
        {
            props.Append(new Indentation { FirstLine = "709" });
        }
        props.Append(new Justification { Val = align });
        return new Paragraph(props, Run(text, bold, italic, size));
    }

    private static Run Run(string text, bool bold = false, bool italic = false, int? size = null)
    {
        var props = new RunProperties();
        if (bold)
        {
            props.Append(new Bold());
        }
        if (italic)
        {
            props.Append(new Italic());
        }
        if (size is int s)
        {
            props.Append(new FontSize { Val = s.ToString() });
        }
        return new Run(props, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    private static Table Table(ReportTable table, int textWidth)
    {
        var (fontSize, widths) = Layout(table, textWidth);
        var border = new Func<BorderType, BorderType>(b => { b.Val = BorderValues.Single; b.Size = 4; b.Color = "808080"; return b; });
        var result = new Table(new TableProperties(
            new TableWidth { Width = textWidth.ToString(), Type = TableWidthUnitValues.Dxa },
            new TableBorders(border(new TopBorder()), border(new LeftBorder()), border(new BottomBorder()), border(new RightBorder()),
                border(new InsideHorizontalBorder()), border(new InsideVerticalBorder())),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(new TopMargin { Width = "30", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 60, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "30", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = 60, Type = TableWidthValues.Dxa })),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString() })));
        // The header row repeats on every page, as officials expect of a long table.
        var header = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        for (var i = 0; i < table.Columns.Count; i++)
        {
            header.Append(Cell(table.Columns[i].Title, widths[i], JustificationValues.Center, bold: true, fill: HeaderFill, fontSize));
        }
        result.Append(header);
        foreach (var row in table.Rows)
        {
            var tr = new TableRow(new TableRowProperties(new CantSplit()));
            var fill = row.Mark switch { RowMark.Lagging => LaggingFill, RowMark.Section => HeaderFill, _ => null };
            var bold = row.Mark is RowMark.Total or RowMark.Section;
            for (var i = 0; i < table.Columns.Count; i++)
            {
                var value = i < row.Cells.Count ? row.Cells[i] : ReportValue.Of("");
                tr.Append(Cell(ReportText.Of(value), widths[i], value.IsNumber ? JustificationValues.Right : JustificationValues.Left, bold, fill, fontSize));
            }
            result.Append(tr);
        }
        return result;
    }

    /// <summary>
    /// The largest type (10 pt down to 7 pt) at which every column holds its longest word unbroken, and the widths
    /// that give each column that much and share the rest by the builder's weights.
    /// </summary>
    private static (int FontSize, List<int> Widths) Layout(ReportTable table, int textWidth)
    {
        var start = table.Columns.Count > 8 ? 16 : table.Columns.Count > 5 ? 18 : 20;
        var weights = table.Columns.Select(c => c.Width).ToList();
        var longestWords = table.Columns.Select((_, i) => TextFit.LongestWordEm(table, i)).ToList();
        for (var size = start; ; size -= 2)
        {
            var emTwips = size * 10.0; // half-points → twips per em
            var minimum = longestWords.Select(em => CellMargins + emTwips * em).ToList();
            var widths = TextFit.Distribute(weights, minimum, textWidth);
            if (widths is not null)
            {
                return (size, widths.Select(w => (int)w).ToList());
            }
            if (size <= 14)
            {
                // Nothing fits even at 7 pt: widths in proportion to the words, the least harm left.
                var sum = minimum.Sum();
                return (size, minimum.Select(m => (int)(textWidth * m / sum)).ToList());
            }
        }
    }

    private static TableCell Cell(string text, int width, JustificationValues align, bool bold, string? fill, int fontSize)
    {
        var props = new TableCellProperties(new TableCellWidth { Width = width.ToString(), Type = TableWidthUnitValues.Dxa });
        if (fill is not null)
        {
            props.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = fill });
        }
        var paragraph = new Paragraph(new ParagraphProperties(new SpacingBetweenLines { Before = "0", After = "0" }, new Justification { Val = align }),
            Run(text, bold, size: fontSize));
        return new TableCell(props, paragraph);
    }

    private static Paragraph Chart(MainDocumentPart main, ReportChart chart, int textWidth, int number)
    {
        var part = main.AddNewPart<ChartPart>();
        part.ChartSpace = ChartXml.Build(chart, "Лист1");
        long cx = textWidth * 635L, cy = 3_200_400L; // 8,9 cm high
        var inline = new Dw.Inline(
            new Dw.Extent { Cx = cx, Cy = cy },
            new Dw.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new Dw.DocProperties { Id = (uint)number, Name = $"Диаграмма {number}" },
            new Dw.NonVisualGraphicFrameDrawingProperties(),
            new A.Graphic(new A.GraphicData(new C.ChartReference { Id = main.GetIdOfPart(part) })
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart" }))
        { DistanceFromTop = 0, DistanceFromBottom = 0, DistanceFromLeft = 0, DistanceFromRight = 0 };
        return new Paragraph(new ParagraphProperties(new KeepNext(), new Justification { Val = JustificationValues.Center }), new Run(new Drawing(inline)));
    }

    /// <summary>The page: A4 with ГОСТ margins, page numbers at the top centre from page 2 (the first page has none).</summary>
    private static SectionProperties Section(MainDocumentPart main, bool landscape)
    {
        var numbered = main.AddNewPart<HeaderPart>();
        numbered.Header = new Header(new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(new Text("2")),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End })));
        numbered.Header.Save();
        var first = main.AddNewPart<HeaderPart>();
        first.Header = new Header(new Paragraph());
        first.Header.Save();
        return new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(numbered) },
            new HeaderReference { Type = HeaderFooterValues.First, Id = main.GetIdOfPart(first) },
            landscape
                ? new PageSize { Width = PageHeight, Height = PageWidth, Orient = PageOrientationValues.Landscape }
                : new PageSize { Width = PageWidth, Height = PageHeight },
            new PageMargin
            {
                Top = VerticalMargin, Bottom = VerticalMargin, Left = LeftMargin, Right = RightMargin,
                Header = 567, Footer = 567, Gutter = 0,
            },
            new TitlePage());
    }
}
