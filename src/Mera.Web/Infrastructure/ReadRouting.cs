using System.Globalization;
using Mera.Core.Data;

namespace Mera.Web.Infrastructure;

/// <summary>The database this request reads from: a standby for a GET when one is usable, otherwise the primary.</summary>
public sealed class ReadTarget(MeraDb primary)
{
    public MeraDb Database { get; set; } = primary;
}

/// <summary>
/// Routes a request's reads (ADR 0027). A GET or HEAD may be served by a standby of `MERA_DB_READ`; anything else goes to
/// the primary. Read-your-writes: after a successful write the primary's WAL position goes into a short-lived cookie,
/// and the writer's next pages are read from a standby only once it has replayed that far — so a saved value is never
/// missing from the page that follows the save.
/// </summary>
public sealed class ReadRouting(RequestDelegate next, ReadReplicas replicas)
{
    public const string WrittenCookie = "mera.written";
    private static readonly TimeSpan MarkerLifetime = TimeSpan.FromMinutes(5);

    public async Task InvokeAsync(HttpContext context, ReadTarget target)
    {
        if (!replicas.Any)
        {
            await next(context);
            return;
        }
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            target.Database = await replicas.ForReadingAsync(WrittenPosition(request), context.RequestAborted);
        }
        else
        {
            context.Response.OnStarting(() => MarkWriteAsync(context));
        }
        await next(context);
    }

    private async Task MarkWriteAsync(HttpContext context)
    {
        if (context.Response.StatusCode >= 400)
        {
            return;
        }
        if (await replicas.PrimaryPositionAsync(context.RequestAborted) is { } position)
        {
            context.Response.Cookies.Append(WrittenCookie, position.ToString(CultureInfo.InvariantCulture), new CookieOptions
            {
                HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps, MaxAge = MarkerLifetime, IsEssential = true,
            });
        }
    }

    private static ulong? WrittenPosition(HttpRequest request) =>
        request.Cookies.TryGetValue(WrittenCookie, out var text) && ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var lsn)
            ? lsn
            : null;
}
