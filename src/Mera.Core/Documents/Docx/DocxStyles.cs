using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Mera.Core.Documents.Docx;

/// <summary>
/// Document defaults: Times New Roman 12 pt, Russian proofing language, single spacing. The font table names Liberation
/// Serif as Times New Roman's alternative: it has the same metrics, so a server without Microsoft's fonts (LibreOffice
/// making the PDF) breaks lines and pages where Word does.
/// </summary>
internal static class DocxStyles
{
    public static void Add(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman", EastAsia = "Times New Roman" },
                    new FontSize { Val = "24" },
                    new Languages { Val = "ru-RU" })),
                new ParagraphPropertiesDefault(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto })),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            new Style(new StyleName { Val = "Table Grid" }) { Type = StyleValues.Table, StyleId = "TableGrid" });
        styles.Styles.Save();
        var fonts = main.AddNewPart<FontTablePart>();
        fonts.Fonts = new Fonts(new Font(
            new AltName { Val = "Liberation Serif" },
            new Panose1Number { Val = "02020603050405020304" },
            new FontCharSet { Val = "CC" },
            new FontFamily { Val = FontFamilyValues.Roman },
            new Pitch { Val = FontPitchValues.Variable }) { Name = "Times New Roman" });
        fonts.Fonts.Save();
    }
}
