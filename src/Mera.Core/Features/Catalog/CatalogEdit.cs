using Mera.Core.Data;
using Mera.Core.Domain;

namespace Mera.Core.Features.Catalog;

/// <summary>What every catalog edit shares: checked text, and the audit entry with the edit stamp the catalog sync respects.</summary>
internal static class CatalogEdit
{
    public const int MaxNameLength = 500;

    public static string RequiredName(string? name, string what)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length == 0)
        {
            throw new OperationRefusedException($"{what}: название не может быть пустым");
        }
        if (trimmed.Length > MaxNameLength)
        {
            throw new OperationRefusedException($"{what}: название длиннее {MaxNameLength} символов");
        }
        return trimmed;
    }

    /// <summary>The audit entry (was → became) and the edit stamp that the catalog sync respects, at one moment.</summary>
    public static void Record(MeraDbContext db, TimeProvider clock, string user, ICatalogEditable item, string action, string entity,
        string code, string before, string after)
    {
        var entry = AuditEntry.Of(clock, user, action, entity, code, $"было: {before}; стало: {after}");
        db.AuditLog.Add(entry);
        item.EditedAt = entry.At;
        item.EditedBy = user;
    }
}
