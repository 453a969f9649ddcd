using System.Diagnostics;

namespace Mera.IntegrationTests.Imports;

/// <summary>
/// Test inputs made by a real spreadsheet program: LibreOffice converts a UTF-8 `;` CSV to XLSX or XLS exactly
/// as an official's «Сохранить как» would (numbers typed as numbers, so an INN loses its leading zero).
/// </summary>
public static class Spreadsheets
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public static async Task<string> ConvertAsync(string sourcePath, string extension)
    {
        var soffice = new[] { "/usr/bin/soffice", "/usr/bin/libreoffice" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("LibreOffice (soffice) is not installed: run the tests with ./test.sh");
        var outDir = Directory.CreateTempSubdirectory("mera-lo-out-").FullName;
        var profile = Directory.CreateTempSubdirectory("mera-lo-profile-").FullName;
        var filter = extension == "xls" ? "xls:MS Excel 97" : "xlsx:Calc MS Excel 2007 XML";
        var isCsv = sourcePath.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
        var args = new List<string> { $"-env:UserInstallation=file://{profile}", "--headless", "--norestore" };
        if (isCsv)
        {
            args.Add("--infilter=CSV:59,34,76,1");
        }
        args.AddRange(["--convert-to", filter, "--outdir", outDir, sourcePath]);
        await OneAtATime.WaitAsync();
        try
        {
            var start = new ProcessStartInfo(soffice) { RedirectStandardOutput = true, RedirectStandardError = true };
            args.ForEach(start.ArgumentList.Add);
            using var process = Process.Start(start)!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            var result = Path.Combine(outDir, Path.GetFileNameWithoutExtension(sourcePath) + "." + extension);
            Assert.True(File.Exists(result), $"LibreOffice did not convert {sourcePath}: {await process.StandardError.ReadToEndAsync()}");
            return result;
        }
        finally
        {
            OneAtATime.Release();
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { }
        }
    }
}
