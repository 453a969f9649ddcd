using System.Threading.RateLimiting;
using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.ResponseCompression;

namespace Mera.Web.Infrastructure;

/// <summary>Service registration and the request pipeline, kept out of Program.cs so tests host the same app.</summary>
public static class MeraServices
{
    public const string LoginRateLimit = "login";

    /// <summary>
    /// Sign-in attempts per client address and minute (MERA_LOGIN_LIMIT, 20 by default): raise it when many
    /// schools reach Mera through one proxy or NAT address.
    /// </summary>
    private static int LoginsPerMinute =>
        int.TryParse(Environment.GetEnvironmentVariable("MERA_LOGIN_LIMIT"), out var limit) && limit > 0 ? limit : 20;

    public static void AddMera(this IServiceCollection services, DbSettings settings)
    {
        services.AddSingleton(new MeraDb(settings));
        services.AddSingleton(Clock.FromEnvironment());
        services.AddSingleton(sp => new ReadReplicas(sp.GetRequiredService<MeraDb>(), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped(sp => new ReadTarget(sp.GetRequiredService<MeraDb>()));
        services.AddDbContext<MeraDbContext>(o => MeraDb.Configure(o, settings));
        // Keys in the database: several web nodes behind nginx read each other's cookies, and restarts sign nobody out.
        services.AddDataProtection().PersistKeysToDbContext<MeraDbContext>().SetApplicationName("Mera");
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // Behind nginx: the client's address (login limits, logs) and https come from the proxy's headers, which are
            // trusted only from loopback and from the addresses listed in MERA_TRUSTED_PROXIES.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var address in (Environment.GetEnvironmentVariable("MERA_TRUSTED_PROXIES") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(address));
            }
        });
        services.AddIdentityCore<MeraUser>(MeraIdentity.Configure)
            .AddEntityFrameworkStores<MeraDbContext>()
            .AddSignInManager()
            .AddErrorDescriber<RussianIdentityErrors>()
            .AddClaimsPrincipalFactory<MeraClaimsFactory>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, Api.ApiTokenAuthentication>(Api.ApiTokenAuthentication.SchemeName, null);
        services.AddAuthentication().AddIdentityCookies();
        // A locked account or a reset password (both change the security stamp) ends the user's open sessions within
        // a minute; checking on every request would re-issue the cookie on every response.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddOpenApi();
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/login";
            o.LogoutPath = "/logout";
            o.AccessDeniedPath = "/forbidden";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Cookie.Name = "mera.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // The API answers 401/403 instead of redirecting scripts to the login page.
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx.Request, ctx.Response, StatusCodes.Status401Unauthorized, ctx.RedirectUri);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx.Request, ctx.Response, StatusCodes.Status403Forbidden, ctx.RedirectUri);
        });
        services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddAntiforgery(o => o.Cookie.Name = "mera.af");
        // Russian text as UTF-8, not &#x…; entities: pages are a third of the size on a school's slow line.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddSingleton<UploadStore>();
        services.AddSingleton<LoginThrottle>();
        services.AddScoped<NotificationBadge>();
        services.AddHostedService<ReminderJob>();
        services.AddHostedService<BackupJob>();
        services.AddHostedService<TotalsJob>();
        services.AddRazorPages(o =>
        {
            o.Conventions.AllowAnonymousToPage("/Users/Login");
            o.Conventions.AllowAnonymousToPage("/Error");
        });
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Only attempts count: opening the sign-in page is free.
            o.AddPolicy(LoginRateLimit, ctx => HttpMethods.IsPost(ctx.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = LoginsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("page"));
            o.OnRejected = async (ctx, ct) =>
            {
                ctx.HttpContext.Response.Headers.RetryAfter = "60";
                ctx.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await ctx.HttpContext.Response.WriteAsync("Слишком много попыток входа с этого адреса. Подождите минуту и попробуйте снова.", ct);
            };
        });
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = Core.Reading.ImportLimits.MaxFileBytes);
    }

    public static void UseMera(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler("/Error");
        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<Api.ApiProblems>();
        app.UseMiddleware<AccessErrors>();
        app.UseResponseCompression();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl = "public,max-age=604800",
        });
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<SessionStampCheck>();
        app.UseAuthorization();
        app.UseMiddleware<ReadRouting>();
        app.MapGet("/health", HealthCheck.RunAsync).AllowAnonymous();
        app.MapMeraMetrics();
        app.MapOpenApi().AllowAnonymous();
        Api.ApiEndpoints.MapMeraApi(app);
        app.MapReportDownloads();
        app.MapRazorPages();
    }

    private static Task ApiAware(HttpRequest request, HttpResponse response, int status, string redirect)
    {
        if (request.Path.StartsWithSegments("/api"))
        {
            response.StatusCode = status;
        }
        else
        {
            response.Redirect(redirect);
        }
        return Task.CompletedTask;
    }
}
