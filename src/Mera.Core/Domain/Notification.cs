namespace Mera.Core.Domain;

/// <summary>
/// One message to one recipient, kept in the database (the outbox): queued, then sent with retries, never lost
/// when the mail server is down. The key (kind, org, form, period, recipient) makes queuing idempotent.
/// </summary>
public sealed class Notification
{
    public const string BeforeDeadline = "before_deadline";
    public const string Overdue = "overdue";
    public const string Digest = "digest";

    public long Id { get; set; }
    public required string Kind { get; set; }
    public int OrgUnitId { get; set; }

    /// <summary>Empty for a digest (it covers every form).</summary>
    public string FormCode { get; set; } = "";

    /// <summary>The form's period, or the digest's week (2026-W48).</summary>
    public required string PeriodCode { get; set; }
    public DateOnly? Deadline { get; set; }
    public required string Recipient { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>queued → sent, or failed after the last retry (kept with its error, resent by an admin).</summary>
    public string Status { get; set; } = "queued";
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>In the web: when a user of the org saw it (the badge counts the unread ones).</summary>
    public DateTimeOffset? ReadAt { get; set; }
}
