using Mera.Core.Data;
using Mera.Core.Domain;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>
    /// Starts the transaction of an edit of an indicator's formula versions and takes the indicator's row first: two
    /// withdrawals at once (a double click, two admins) then run one after the other, and the second sees what the first
    /// left — a version already gone, or the last one, which stays. On SQLite the transaction itself is the write lock.
    /// </summary>
    public static async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> LockIndicatorAsync(MeraDbContext db, string code, CancellationToken ct)
    {
        var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Indicators.Where(i => i.Code == code).ExecuteUpdateAsync(s => s.SetProperty(i => i.EditedBy, i => i.EditedBy), ct);
        return transaction;
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
