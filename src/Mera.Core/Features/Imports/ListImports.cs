using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Values;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Imports;

/// <summary>`./mera imports list`: the import batches, newest first, optionally those of one org subtree.</summary>
public static class ListImports
{
    public sealed record Query(string? OrgCode = null, int Limit = 50, long? Id = null);

    public sealed record Item(long Id, string Kind, string FileName, string Sha256, string? Period, string? Org,
        string ImportedBy, DateTimeOffset ImportedAt, int RowsRead, int ValuesWritten, int Unchanged, int Skipped,
        int Warnings, DateTimeOffset? UndoneAt, string? UndoneBy, long? UndoOfBatchId, IReadOnlyList<string> Issues);

    public static async Task<IReadOnlyList<Item>> RunAsync(MeraDb database, Query query, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var batches = db.ImportBatches.AsNoTracking();
        if (query.Id is long id)
        {
            batches = batches.Where(b => b.Id == id);
        }
        if (query.OrgCode is not null)
        {
            var scope = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Code == query.OrgCode, ct)
                ?? throw new NotFoundException($"Организация с кодом «{query.OrgCode}» не найдена");
            // A batch belongs to the subtree of the org it was imported for.
            var codes = db.OrgUnits.Where(o => o.Path.StartsWith(scope.Path)).Select(o => o.Code);
            batches = batches.Where(b => b.OrgCode != null && codes.Contains(b.OrgCode));
        }
        var rows = await batches.OrderByDescending(b => b.Id).Take(Math.Clamp(query.Limit, 1, 10_000)).ToListAsync(ct);
        return rows.Select(ToItem).ToList();
    }

    private static Item ToItem(ImportBatch b) => new(b.Id, b.Kind, b.FileName, b.Sha256, b.PeriodCode, b.OrgCode,
        b.ImportedBy, b.ImportedAt, b.RowsRead, b.ValuesWritten, b.Unchanged, b.Skipped, b.Warnings,
        b.UndoneAt, b.UndoneBy, b.UndoOfBatchId, BatchIssues.Parse(b.Issues));
}
