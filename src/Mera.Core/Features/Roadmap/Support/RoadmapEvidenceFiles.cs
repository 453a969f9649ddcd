using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Roadmap;

/// <summary>Documents attached to roadmap items: add (size-limited, audited), list and read back by the item's org.</summary>
public static class RoadmapEvidenceFiles
{
    public const long MaxBytes = 20L * 1024 * 1024;

    public sealed record Info(int Id, int ItemId, string FileName, long Size, string UploadedBy, DateTimeOffset UploadedAt);

    public static async Task<int> AddAsync(MeraDb database, int orgId, string number, string fileName, string contentType, byte[] content,
        string user, TimeProvider clock, CancellationToken ct = default)
    {
        if (content.Length == 0 || content.Length > MaxBytes)
        {
            throw new OperationRefusedException($"Файл пустой или больше {MaxBytes / 1024 / 1024} МБ");
        }
        await using var db = database.CreateContext();
        var item = await db.RoadmapItems.SingleOrDefaultAsync(i => i.OrgUnitId == orgId && i.Number == number, ct)
            ?? throw new NotFoundException($"Мероприятие № {number} не найдено");
        var evidence = new RoadmapEvidence
        {
            RoadmapItemId = item.Id, FileName = Path.GetFileName(fileName), ContentType = contentType, Content = content,
            UploadedBy = user, UploadedAt = clock.GetUtcNow(),
        };
        db.RoadmapEvidence.Add(evidence);
        db.AuditLog.Add(AuditEntry.Of(clock, user, "roadmap.evidence", "roadmap_item", item.Id.ToString(), evidence.FileName, item.OrgUnitId));
        await db.SaveChangesAsync(ct);
        return evidence.Id;
    }

    public static async Task<IReadOnlyList<Info>> ListAsync(MeraDb database, int orgId, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        return await (from e in db.RoadmapEvidence.AsNoTracking()
                      join i in db.RoadmapItems.AsNoTracking() on e.RoadmapItemId equals i.Id
                      where i.OrgUnitId == orgId
                      orderby e.Id
                      select new Info(e.Id, i.Id, e.FileName, e.Content.Length, e.UploadedBy, e.UploadedAt)).ToListAsync(ct);
    }

    /// <summary>The file, only if it belongs to an item of the given org (the caller checked the org is in the user's subtree).</summary>
    public static async Task<RoadmapEvidence?> ReadAsync(MeraDb database, int orgId, int id, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        return await (from e in db.RoadmapEvidence.AsNoTracking()
                      join i in db.RoadmapItems.AsNoTracking() on e.RoadmapItemId equals i.Id
                      where e.Id == id && i.OrgUnitId == orgId
                      select e).SingleOrDefaultAsync(ct);
    }
}
