using System.Net;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Mera.Web.Infrastructure;

/// <summary>
/// OpenTelemetry for the web node (issue 22 §5): traces of requests, PostgreSQL commands and Mera's own imports,
/// reports and outbox runs; metrics of the same plus the runtime's; a Prometheus scrape endpoint `/metrics` answered
/// only to the admin network; log lines that carry the trace id. Traces leave the node only when an OTLP collector is
/// configured (the standard OTEL_EXPORTER_OTLP_ENDPOINT) — nothing is sent anywhere by default.
/// </summary>
public static class Observability
{
    public const string MetricsPath = "/metrics";

    public static void AddMeraTelemetry(this WebApplicationBuilder builder)
    {
        // Every log line written inside a request carries its TraceId and SpanId (in the JSON log: in "Scopes").
        builder.Logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("mera-web", serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId))
            .WithTracing(t =>
            {
                t.AddAspNetCoreInstrumentation(o => o.Filter = ctx => ctx.Request.Path != MetricsPath && ctx.Request.Path != "/health")
                    .AddNpgsql()
                    .AddSource(Core.Telemetry.Name);
                if (otlp)
                {
                    t.AddOtlpExporter();
                }
            })
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation()
                    .AddMeter("Npgsql", Core.Telemetry.Name, "System.Runtime")
                    .AddPrometheusExporter();
                if (otlp)
                {
                    m.AddOtlpExporter();
                }
            });
    }

    /// <summary>`/metrics` for Prometheus, from loopback and the networks in MERA_METRICS_NETWORKS («10.0.0.0/8,192.168.5.0/24»); anyone else gets 404.</summary>
    public static void MapMeraMetrics(this WebApplication app)
    {
        var networks = (app.Configuration["MERA_METRICS_NETWORKS"] ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(IPNetwork.Parse).ToList();
        app.UseWhen(ctx => ctx.Request.Path == MetricsPath, branch => branch.Use(async (ctx, next) =>
        {
            var from = ctx.Connection.RemoteIpAddress;
            if (from is null || !(IPAddress.IsLoopback(from) || networks.Any(n => n.Contains(from.IsIPv4MappedToIPv6 ? from.MapToIPv4() : from))))
            {
                ctx.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            await next(ctx);
        }));
        app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous();
    }
}
