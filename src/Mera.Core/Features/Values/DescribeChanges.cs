using Mera.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Values;

/// <summary>What a dry run would change, as lines a user reads: «school / element / period: old → new».</summary>
public static class DescribeChanges
{
    public static async Task<IReadOnlyList<string>> RunAsync(MeraDb database, IReadOnlyList<ValueChange> changes, int limit,
        CancellationToken ct = default)
    {
        var shown = changes.Take(limit).ToList();
        if (shown.Count == 0)
        {
            return [];
        }
        await using var db = database.CreateContext();
        var ids = shown.Select(c => c.Record.OrgId).Distinct().ToList();
        var codes = await db.OrgUnits.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Code, ct);
        return shown.Select(c =>
        {
            var r = c.Record;
            var old = c.OldValue is double o ? ValueRules.Format(o) : "нет";
            return $"{codes.GetValueOrDefault(r.OrgId, r.OrgId.ToString())} / {r.Element.Code} / {r.Period.Code}: {old} → {ValueRules.Format(r.Value)}";
        }).ToList();
    }
}
