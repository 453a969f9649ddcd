using Mera.Core.Data;
using Mera.Web;
using Mera.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
if (builder.Configuration["MERA_ALLOWED_HOSTS"] is { Length: > 0 } hosts)
{
    // Host names the server answers to (e.g. "mera.edu.example.ru"): requests for any other Host get 400, so a forged
    // Host never reaches a redirect or a link.
    builder.Configuration["AllowedHosts"] = hosts;
}
if (string.Equals(builder.Configuration["MERA_LOG_FORMAT"], "json", StringComparison.OrdinalIgnoreCase))
{
    // One JSON object per line on stdout, for journald or a log collector.
    builder.Logging.ClearProviders();
    builder.Logging.AddJsonConsole(o => { o.UseUtcTimestamp = true; o.IncludeScopes = true; });
}
builder.AddMeraTelemetry();
var settings = DbSettings.Resolve(builder.Configuration.GetConnectionString("Mera") ?? builder.Configuration["MERA_DB"],
    builder.Configuration["MERA_DB_PROVIDER"], builder.Configuration["MERA_DB_READ"]);
builder.Services.AddMera(settings);

var app = builder.Build();
await Startup.PrepareDatabaseAsync(app.Services, app.Logger);
app.UseMera();
app.Run();
