namespace Mera.Web.Infrastructure;

/// <summary>Security headers on every response: scripts and styles only from this site, no framing, no sniffing.</summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    private const string Policy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; " +
        "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = Policy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/reports") || context.Request.Query.ContainsKey("handler"))
        {
            // Data and documents of one user are never kept by a browser or a proxy cache.
            headers.CacheControl = "no-store";
        }
        if (context.Request.IsHttps)
        {
            headers.StrictTransportSecurity = "max-age=31536000";
        }
        return next(context);
    }
}
