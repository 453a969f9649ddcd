using Mera.Core.Features.Users;
using Mera.Core.Domain;
using Mera.Core.Data;
using Mera.Core.Features;
using Mera.Core.Features.Indicators;
using Mera.Core.Features.Reports;
using Mera.Core.Features.Submissions;
using Mera.Core.Documents;

namespace Mera.Web.Infrastructure;

/// <summary>
/// `GET /reports/{kind}.{format}?org=…&amp;period=…[&amp;form=…]`: the same reports as `./mera report`, for an org in
/// the user's subtree; the executor on the document is the signed-in user.
/// </summary>
public static class ReportDownloads
{
    public static void MapReportDownloads(this WebApplication app) =>
        app.MapGet("/reports/{kind}.{format}", DownloadAsync);

    private static async Task<IResult> DownloadAsync(string kind, string format, string? org, string period, string? form,
        CurrentUser current, ReadTarget read, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var database = read.Database;
        if (!BuildReport.Kinds.Contains(kind))
        {
            return Results.NotFound();
        }
        var unit = await current.OrgAsync(org, ct);
        var scope = await current.ScopeAsync(ct);
        try
        {
            var fileFormat = ReportFormats.FromExtension("." + format);
            var today = clock.Today();
            var document = await BuildReport.RunAsync(database, new BuildReport.Query(kind, unit.Code, period, today,
                await ExecutorMark.ForUserAsync(database, scope.UserId, ct), form), ct);
            using var buffer = new MemoryStream();
            await ReportFormats.WriteAsync(document, fileFormat, buffer, ct, requester: scope.UserId);
            return Results.File(buffer.ToArray(), ReportFormats.ContentType(fileFormat), document.FileName + ReportFormats.Extension(fileFormat));
        }
        catch (ConversionBusyException busy)
        {
            http.Response.Headers.RetryAfter = "30";
            return Results.Text($"Отчёт готовится: {busy.Message}", "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        catch (Exception ex) when (Errors.IsForUser(ex))
        {
            // Not a blank screen: the official sees why (no agreement loaded, LibreOffice missing for PDF …).
            return Results.Text($"Отчёт не сформирован: {Errors.Describe(ex)}", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }
    }
}
