using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Mera.Core.Reading;

/// <summary>
/// A document read as paragraphs, for texts written as prose rather than tables (a collegium's decision: «1.1. …»,
/// «Срок: …»): a plain text file in any common encoding, or a Word document's body paragraphs outside its tables.
/// </summary>
public static class DocumentText
{
    /// <summary>The paragraphs, trimmed, empty ones dropped, each with its number in the document (from 1).</summary>
    public static IReadOnlyList<(int Number, string Text)> Paragraphs(string path, string displayName)
    {
        var ext = Path.GetExtension(path).ToLowerInvariant();
        IEnumerable<string> paragraphs;
        if (ext == ".docx" || WordTableReader.IsWordPackage(path))
        {
            XlsxGuard.Check(path, displayName);
            try
            {
                using var document = WordprocessingDocument.Open(path, false);
                var body = document.MainDocumentPart?.Document?.Body;
                paragraphs = body is null ? [] : body.Descendants<Paragraph>().Where(p => !p.Ancestors<Table>().Any()).Select(p => WordTableReader.ParagraphText(p, lineBreak: ' ')).ToList();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                throw ImportRefusedException.Of(displayName, $"документ Word повреждён (техническая причина: {ex.Message})");
            }
        }
        else
        {
            using var stream = File.OpenRead(path);
            var encoding = TextEncodingDetector.Detect(stream);
            stream.Position = 0;
            using var reader = new StreamReader(stream, encoding);
            paragraphs = reader.ReadToEnd().Split('\n');
        }
        return paragraphs.Select((text, i) => (Number: i + 1, Text: text.Replace("\u00AD", "").Trim()))
            .Where(p => p.Text.Length > 0).ToList();
    }

    /// <summary>True when the file is a Word document or plain text, the formats a decision may come in as prose.</summary>
    public static bool MayBeProse(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".txt" or ".docx" || WordTableReader.IsWordPackage(path);
}
