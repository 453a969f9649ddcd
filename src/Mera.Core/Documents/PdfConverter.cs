using System.Diagnostics;
using Mera.Core.Features;

namespace Mera.Core.Documents;

/// <summary>
/// PDF through LibreOffice: the DOCX is converted by `soffice --headless --convert-to pdf`, so the PDF is the same
/// document officials would print from Word (ADR 0010). Each conversion gets its own LibreOffice profile so
/// parallel conversions do not block each other.
/// </summary>
public static class PdfConverter
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static string? FindSoffice()
    {
        var configured = Environment.GetEnvironmentVariable("MERA_SOFFICE");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? configured : null;
        }
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "soffice")).FirstOrDefault(File.Exists);
    }

    public static async Task ConvertAsync(Stream docx, Stream pdf, CancellationToken ct)
    {
        var soffice = FindSoffice() ?? throw new OperationRefusedException(
            "Для PDF нужен LibreOffice (команда soffice): установите пакет libreoffice-writer или сохраните отчёт в .docx");
        var work = Directory.CreateTempSubdirectory("mera-pdf-");
        try
        {
            var input = Path.Combine(work.FullName, "report.docx");
            await using (var file = File.Create(input))
            {
                await docx.CopyToAsync(file, ct);
            }
            // A fresh LibreOffice profile occasionally ends its first start without converting (it restarts itself
            // after creating the profile, exit code 81); one more run with the profile now in place converts.
            var failure = await RunOnceAsync(soffice, work.FullName, input, ct);
            if (failure is not null)
            {
                failure = await RunOnceAsync(soffice, work.FullName, input, ct);
            }
            if (failure is not null)
            {
                throw new OperationRefusedException($"LibreOffice не смог преобразовать отчёт в PDF: {failure}");
            }
            await using var result = File.OpenRead(Path.Combine(work.FullName, "report.pdf"));
            await result.CopyToAsync(pdf, ct);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>One LibreOffice run; null when the PDF is there, else what LibreOffice said.</summary>
    private static async Task<string?> RunOnceAsync(string soffice, string folder, string input, CancellationToken ct)
    {
        var start = new ProcessStartInfo(soffice)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            ArgumentList =
            {
                $"-env:UserInstallation=file://{Path.Combine(folder, "profile")}", "--headless", "--norestore",
                "--convert-to", "pdf", "--outdir", folder, input,
            },
        };
        using var process = Process.Start(start) ?? throw new OperationRefusedException("Не удалось запустить LibreOffice");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.StandardOutput.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Never leave a LibreOffice behind: neither past the time limit nor when the requester went away.
            process.Kill(entireProcessTree: true);
            ct.ThrowIfCancellationRequested();
            throw new OperationRefusedException("LibreOffice не успел преобразовать отчёт в PDF");
        }
        var output = Path.Combine(folder, "report.pdf");
        return process.ExitCode == 0 && File.Exists(output) ? null : $"код {process.ExitCode}: {(await errors).Trim()}";
    }
}
