using Mera.Core.Features;
using Mera.Core.Documents.Docx;
using Mera.Core.Documents.Xlsx;

namespace Mera.Core.Documents;

public enum ReportFormat { Xlsx, Docx, Pdf, Csv }

/// <summary>The file format follows the extension; every format is written from the same <see cref="ReportDocument"/>.</summary>
public static class ReportFormats
{
    public static ReportFormat FromExtension(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".xlsx" => ReportFormat.Xlsx,
        ".docx" => ReportFormat.Docx,
        ".pdf" => ReportFormat.Pdf,
        ".csv" => ReportFormat.Csv,
        var other => throw new OperationRefusedException(
            $"Неизвестный формат отчёта «{other}»: укажите файл .xlsx, .docx, .pdf или .csv"),
    };

    public static string Extension(ReportFormat format) => "." + format.ToString().ToLowerInvariant();

    public static string ContentType(ReportFormat format) => format switch
    {
        ReportFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ReportFormat.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ReportFormat.Pdf => "application/pdf",
        _ => "text/csv; charset=utf-8",
    };

    /// <param name="requester">Who asked (the web's user): one PDF conversion at a time each (<see cref="ConversionQueue"/>).</param>
    public static async Task WriteAsync(ReportDocument document, ReportFormat format, Stream output, CancellationToken ct = default,
        string? requester = null)
    {
        switch (format)
        {
            case ReportFormat.Xlsx:
                await WriteBufferedAsync(s => XlsxReport.Write(document, s), output, ct);
                break;
            case ReportFormat.Docx:
                await WriteBufferedAsync(s => DocxReport.Write(document, s), output, ct);
                break;
            case ReportFormat.Csv:
                await WriteBufferedAsync(s => CsvReport.Write(document, s), output, ct);
                break;
            default:
                await ConversionQueue.RunAsync(requester, async () =>
                {
                    using var docx = new MemoryStream();
                    DocxReport.Write(document, docx);
                    docx.Position = 0;
                    await PdfConverter.ConvertAsync(docx, output, ct);
                    return true;
                }, ct);
                break;
        }
    }

    /// <summary>OpenXml needs a seekable stream; a web response is not one, so the file is built in memory first.</summary>
    private static async Task WriteBufferedAsync(Action<Stream> write, Stream output, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, ct);
    }
}
