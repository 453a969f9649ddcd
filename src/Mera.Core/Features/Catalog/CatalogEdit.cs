using Mera.Core.Data;
using Mera.Core.Domain;

namespace Mera.Core.Features.Catalog;

/// <summary>What every catalog edit shares: checked text, the edit stamp the catalog sync respects, and the audit entry.</summary>
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

    public static void Audit(MeraDbContext db, TimeProvider clock, string user, string action, string entity, string code,
        string before, string after) =>
        db.AuditLog.Add(AuditEntry.Of(clock, user, action, entity, code, $"было: {before}; стало: {after}"));
}
