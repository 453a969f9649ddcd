using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Mera.Core;

/// <summary>
/// What Mera itself reports to OpenTelemetry (issue 22 §5), beside ASP.NET Core's and Npgsql's own: a span for every
/// import, report and outbox run, and the counters to watch on a deadline day — values written by channel, files
/// imported or refused, reports made, notifications sent, failed and waiting. Plain System.Diagnostics types, so Core
/// needs no OpenTelemetry package; the web host subscribes to <see cref="Name"/>.
/// </summary>
public static class Telemetry
{
    public const string Name = "Mera";

    public static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> ValuesWritten = Meter.CreateCounter<long>("mera.values.written", "{value}",
        "Values written (new or changed), by channel: import, form entry, API");
    public static readonly Counter<long> Imports = Meter.CreateCounter<long>("mera.imports", "{file}",
        "Files checked or loaded, by kind and outcome (loaded, checked, refused)");
    public static readonly Histogram<double> ImportDuration = Meter.CreateHistogram<double>("mera.import.duration", "s",
        "Time to read, check and write one import request");
    public static readonly Counter<long> Reports = Meter.CreateCounter<long>("mera.reports", "{report}", "Reports built, by kind");
    public static readonly Histogram<double> ReportDuration = Meter.CreateHistogram<double>("mera.report.duration", "s",
        "Time to compute one report's content");
    public static readonly Counter<long> OutboxSent = Meter.CreateCounter<long>("mera.outbox.sent", "{message}", "Notifications e-mailed");
    public static readonly Counter<long> OutboxFailed = Meter.CreateCounter<long>("mera.outbox.failed", "{message}", "Notifications that failed to send");

    public static readonly Counter<long> Reads = Meter.CreateCounter<long>("mera.db.reads", "{read}",
        "Reads routed while standbys are configured, by target: replica or primary (a standby behind, down or not yet showing the reader's own write)");

    private static long _outboxQueued;

    static Telemetry() =>
        Meter.CreateObservableGauge("mera.outbox.queued", () => Interlocked.Read(ref _outboxQueued), "{message}",
            "Notifications waiting to be sent, as of the last outbox run");

    public static void OutboxQueued(int count) => Interlocked.Exchange(ref _outboxQueued, count);
}
