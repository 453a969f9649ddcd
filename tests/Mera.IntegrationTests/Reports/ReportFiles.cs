using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Mera.IntegrationTests.Reports;

/// <summary>One cell read back from a report workbook: its text or number, its style index and whether it is a string.</summary>
public sealed record XlsxValue(string? Text, double? Number, uint Style, bool IsString);

/// <summary>Makes reports through the CLI and reads them back: XLSX cells, DOCX text, PDF text, a PNG of page one.</summary>
public static class ReportFiles
{
    private static readonly SemaphoreSlim OneConversionAtATime = new(1, 1);

    public static async Task<string> MakeAsync(ReportScenario scenario, string kind, string extension, params string[] more)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("mera-report-").FullName, $"{kind}.{extension}");
        string[] period = more.Contains("--period") ? [] : ["--period", ReportScenario.Period];
        await Cli.OkAsync(scenario.Db, ["report", kind, "--org", "m1", .. period, "--out", path,
            "--as-of", ReportScenario.AsOf, "--executor", "Иванова И. И., 8 (39195) 2-22-22", .. more]);
        Assert.True(new FileInfo(path).Length > 0);
        return path;
    }

    /// <summary>The summary of a whole region, as the ministry's officer makes it.</summary>
    public static async Task<string> MakeRegionAsync(TestDatabase db, string org, string period)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("mera-report-").FullName, "region.xlsx");
        await Cli.OkAsync(db, "report", "summary", "--org", org, "--period", period, "--out", path);
        return path;
    }

    /// <summary>The rows of the «Отчет» sheet, each a map from column letter to value.</summary>
    public static List<Dictionary<string, XlsxValue>> Rows(string xlsx)
    {
        using var document = SpreadsheetDocument.Open(xlsx, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Descendants<Sheet>().First(s => s.Name == "Отчет");
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        return part.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().ToDictionary(
            c => new string(c.CellReference!.Value!.TakeWhile(char.IsLetter).ToArray()),
            c => c.DataType?.Value == CellValues.InlineString
                ? new XlsxValue(c.InlineString!.InnerText, null, c.StyleIndex?.Value ?? 0, true)
                : new XlsxValue(null, c.CellValue is null ? null : double.Parse(c.CellValue.Text, System.Globalization.CultureInfo.InvariantCulture), c.StyleIndex?.Value ?? 0, false)))
            .ToList();
    }

    public static Dictionary<string, XlsxValue> RowWith(List<Dictionary<string, XlsxValue>> rows, string column, string text) =>
        rows.Single(r => r.TryGetValue(column, out var v) && v.Text == text);

    public static int ChartCount(string path)
    {
        if (path.EndsWith(".xlsx"))
        {
            using var x = SpreadsheetDocument.Open(path, false);
            return x.WorkbookPart!.WorksheetParts.Sum(w => w.DrawingsPart?.ChartParts.Count() ?? 0);
        }
        using var d = WordprocessingDocument.Open(path, false);
        return d.MainDocumentPart!.ChartParts.Count();
    }

    /// <summary>Paragraphs and table cells of a DOCX, one per line.</summary>
    public static string DocxText(string docx)
    {
        using var document = WordprocessingDocument.Open(docx, false);
        var body = document.MainDocumentPart!.Document.Body!;
        return string.Join("\n", body.Descendants<W.Paragraph>().Select(p => p.InnerText));
    }

    /// <summary>
    /// Converts the report with LibreOffice (the test that it opens), keeps a PNG of page one in artifacts/reports
    /// for a person to look at, and returns the PDF's text normalised by <see cref="RenderedText"/>: where a line
    /// breaks depends on the machine's fonts, so no check may depend on it.
    /// </summary>
    public static async Task<string> RenderAsync(string path, string artifactName) =>
        RenderedText.Normalise(await RenderRawAsync(path, artifactName));

    /// <summary>The PDF's text line by line, as LibreOffice laid it out (for checks on line breaks).</summary>
    public static async Task<string> RenderRawAsync(string path, string artifactName)
    {
        string pdf;
        if (path.EndsWith(".pdf"))
        {
            pdf = path;
        }
        else
        {
            var outDir = Directory.CreateTempSubdirectory("mera-report-pdf-").FullName;
            var profile = Directory.CreateTempSubdirectory("mera-lo-profile-").FullName;
            await OneConversionAtATime.WaitAsync();
            try
            {
                await RunAsync("soffice", $"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", outDir, path);
            }
            finally
            {
                OneConversionAtATime.Release();
            }
            pdf = Path.Combine(outDir, Path.GetFileNameWithoutExtension(path) + ".pdf");
            Assert.True(File.Exists(pdf), $"LibreOffice did not open {path}");
        }
        var artifacts = Path.Combine(Mera.Core.Data.DbSettings.RepositoryRoot(), "artifacts", "reports");
        Directory.CreateDirectory(artifacts);
        await RunAsync("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf, Path.Combine(artifacts, artifactName));
        Assert.True(File.Exists(Path.Combine(artifacts, artifactName + ".png")));
        return await RunAsync("pdftotext", pdf, "-");
    }

    private static async Task<string> RunAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{program} failed: {await error}");
        return await output;
    }
}
