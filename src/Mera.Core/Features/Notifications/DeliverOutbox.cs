using System.Net;
using System.Net.Mail;
using Mera.Core.Data;
using Mera.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Notifications;

/// <summary>Where mail goes: an SMTP server, or a pickup directory (development), from MERA_SMTP_* / MERA_MAIL_PICKUP.</summary>
public sealed record MailSettings(string? Host, int Port, bool Ssl, string? User, string? Password, string From, string? PickupDirectory)
{
    public bool Configured => Host is not null || PickupDirectory is not null;

    public static MailSettings FromEnvironment()
    {
        string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : null;
        return new MailSettings(Env("MERA_SMTP_HOST"), int.TryParse(Env("MERA_SMTP_PORT"), out var port) ? port : 25,
            Env("MERA_SMTP_SSL") is "1" or "true", Env("MERA_SMTP_USER"), Env("MERA_SMTP_PASSWORD"),
            Env("MERA_MAIL_FROM") ?? "mera@localhost", Env("MERA_MAIL_PICKUP"));
    }
}

/// <summary>
/// Sends the queued messages of the outbox. Each is claimed before sending (so two web nodes never send the same
/// one), marked sent on success, and on failure kept queued with its error until the fifth attempt — then failed.
/// A mail server that is down loses nothing: the next run sends what is still queued.
/// </summary>
public static class DeliverOutbox
{
    public const int MaxAttempts = 5;

    public sealed record Result(int Sent, int Failed, int StillQueued);

    public static async Task<Result> RunAsync(MeraDb database, MailSettings mail, TimeProvider clock, CancellationToken ct = default)
    {
        using var span = Telemetry.Source.StartActivity("outbox");
        var result = await DeliverAsync(database, mail, clock, ct);
        Telemetry.OutboxSent.Add(result.Sent);
        Telemetry.OutboxFailed.Add(result.Failed);
        Telemetry.OutboxQueued(result.StillQueued);
        span?.SetTag("mera.outbox.sent", result.Sent);
        span?.SetTag("mera.outbox.failed", result.Failed);
        return result;
    }

    private static async Task<Result> DeliverAsync(MeraDb database, MailSettings mail, TimeProvider clock, CancellationToken ct)
    {
        if (!mail.Configured)
        {
            await using var count = database.CreateContext();
            return new Result(0, 0, await count.Notifications.CountAsync(n => n.Status == "queued", ct));
        }
        using var smtp = CreateClient(mail);
        var (sent, failed) = (0, 0);
        await using var db = database.CreateContext();
        var ids = await db.Notifications.Where(n => n.Status == "queued").OrderBy(n => n.Id).Select(n => n.Id).ToListAsync(ct);
        foreach (var id in ids)
        {
            // Claim: only the node that moves the row from queued to sending sends it.
            if (await db.Notifications.Where(n => n.Id == id && n.Status == "queued").ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, "sending"), ct) == 0)
            {
                continue;
            }
            var n = await db.Notifications.AsNoTracking().SingleAsync(x => x.Id == id, ct);
            string status;
            string? error = null;
            try
            {
                using var message = new MailMessage(mail.From, n.Recipient, n.Subject, n.Body) { BodyEncoding = System.Text.Encoding.UTF8, SubjectEncoding = System.Text.Encoding.UTF8 };
                await smtp.SendMailAsync(message, ct);
                status = "sent";
                sent++;
            }
            catch (Exception ex) when (ex is SmtpException or InvalidOperationException or FormatException or IOException)
            {
                error = ex.Message;
                status = n.Attempts + 1 >= MaxAttempts ? "failed" : "queued";
                failed++;
            }
            var now = clock.GetUtcNow();
            await db.Notifications.Where(x => x.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, status)
                .SetProperty(x => x.Attempts, x => x.Attempts + 1)
                .SetProperty(x => x.LastError, error)
                .SetProperty(x => x.SentAt, status == "sent" ? now : null), ct);
        }
        return new Result(sent, failed, await db.Notifications.CountAsync(x => x.Status == "queued", ct));
    }

    private static SmtpClient CreateClient(MailSettings mail)
    {
        if (mail.PickupDirectory is not null)
        {
            Directory.CreateDirectory(mail.PickupDirectory);
            return new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = mail.PickupDirectory };
        }
        var client = new SmtpClient(mail.Host, mail.Port) { EnableSsl = mail.Ssl, Timeout = 30_000 };
        if (mail.User is not null)
        {
            client.Credentials = new NetworkCredential(mail.User, mail.Password);
        }
        return client;
    }
}
