using DocumentFormat.OpenXml.Spreadsheet;

namespace Mera.Core.Documents.Xlsx;

/// <summary>The stylesheet behind <see cref="XlsxStyle"/>: cell formats are listed in the enum's order.</summary>
internal static class XlsxStyles
{
    public static Stylesheet Create()
    {
        var fonts = new Fonts(
            Font(11, bold: false, gray: false),
            Font(14, bold: true, gray: false),
            Font(11, bold: true, gray: false),
            Font(11, bold: false, gray: true),
            Font(12, bold: true, gray: false));
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            Solid("FFE7ECF3"),   // header
            Solid("FFFFF8D6"),   // input: the cells a school fills
            Solid("FFF8D7DA"));  // lagging: behind plan
        var thin = new Border(
            new LeftBorder { Style = BorderStyleValues.Thin, Color = new Color { Rgb = "FF9AA5B1" } },
            new RightBorder { Style = BorderStyleValues.Thin, Color = new Color { Rgb = "FF9AA5B1" } },
            new TopBorder { Style = BorderStyleValues.Thin, Color = new Color { Rgb = "FF9AA5B1" } },
            new BottomBorder { Style = BorderStyleValues.Thin, Color = new Color { Rgb = "FF9AA5B1" } },
            new DiagonalBorder());
        var borders = new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), thin);
        var numberFormats = new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0.##" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "0.0\"\u00a0%\"" },
            new NumberingFormat { NumberFormatId = 166, FormatCode = "#,##0" }) { Count = 3 };
        var formats = new CellFormats(
            Format(font: 0, fill: 0, border: 0, wrap: false),                 // Normal
            Format(font: 1, fill: 0, border: 0, wrap: true),                  // Title
            Format(font: 2, fill: 2, border: 1, wrap: true, center: true),    // Header
            Format(font: 0, fill: 0, border: 1, wrap: true),                  // Label
            Format(font: 0, fill: 3, border: 1, wrap: false, locked: false),  // Input
            Format(font: 3, fill: 0, border: 1, wrap: false, numberFormat: 164), // Reference
            Format(font: 0, fill: 0, border: 0, wrap: true),                  // Wrapped
            Format(font: 0, fill: 0, border: 1, wrap: false, numberFormat: 164), // Number
            Format(font: 0, fill: 0, border: 1, wrap: false, numberFormat: 165), // Percent
            Format(font: 2, fill: 0, border: 0, wrap: true),                  // Bold
            Format(font: 0, fill: 0, border: 1, wrap: false, numberFormat: 166), // Integer
            Format(font: 0, fill: 4, border: 1, wrap: true),                  // LaggingLabel
            Format(font: 0, fill: 4, border: 1, wrap: false, numberFormat: 164), // LaggingNumber
            Format(font: 0, fill: 4, border: 1, wrap: false, numberFormat: 165), // LaggingPercent
            Format(font: 0, fill: 4, border: 1, wrap: false, numberFormat: 166), // LaggingInteger
            Format(font: 2, fill: 0, border: 1, wrap: true),                  // TotalLabel
            Format(font: 2, fill: 0, border: 1, wrap: false, numberFormat: 164), // TotalNumber
            Format(font: 2, fill: 0, border: 1, wrap: false, numberFormat: 165), // TotalPercent
            Format(font: 2, fill: 0, border: 1, wrap: false, numberFormat: 166), // TotalInteger
            Format(font: 2, fill: 2, border: 1, wrap: true),                  // Section
            Format(font: 4, fill: 0, border: 0, wrap: true));                 // Subtitle
        return new Stylesheet(numberFormats, fonts, fills, borders,
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }),
            formats,
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }));
    }

    private static Font Font(double size, bool bold, bool gray)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }
        font.Append(new FontSize { Val = size });
        font.Append(new Color { Rgb = gray ? "FF5F6B7A" : "FF000000" });
        font.Append(new FontName { Val = "Calibri" });
        return font;
    }

    private static Fill Solid(string rgb) =>
        new(new PatternFill(new ForegroundColor { Rgb = rgb }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid });

    private static CellFormat Format(uint font, uint fill, uint border, bool wrap, bool center = false, bool locked = true, uint numberFormat = 0)
    {
        var format = new CellFormat
        {
            FontId = font, FillId = fill, BorderId = border, NumberFormatId = numberFormat, FormatId = 0,
            ApplyFont = true, ApplyFill = fill > 0, ApplyBorder = border > 0, ApplyNumberFormat = numberFormat > 0,
            ApplyAlignment = true, ApplyProtection = !locked,
        };
        format.Append(new Alignment
        {
            WrapText = wrap, Vertical = VerticalAlignmentValues.Top,
            Horizontal = center ? HorizontalAlignmentValues.Center : null,
        });
        if (!locked)
        {
            format.Append(new Protection { Locked = false });
        }
        return format;
    }
}
