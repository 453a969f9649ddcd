namespace Mera.Core.Domain;

/// <summary>An append-only record of an action that is not a value change (those live in the value history).</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string User { get; set; }
    public required string Action { get; set; }
    public required string Entity { get; set; }
    public string? EntityId { get; set; }
    public string? Details { get; set; }

    /// <summary>The org the action concerns (its subtree's officials read it); null for actions above any org.</summary>
    public int? OrgUnitId { get; set; }

    public static AuditEntry Of(TimeProvider clock, string user, string action, string entity, string? id, string? details, int? orgId = null) =>
        new() { At = clock.GetUtcNow(), User = user, Action = action, Entity = entity, EntityId = id, Details = details, OrgUnitId = orgId };
}
