using Mera.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Values;

/// <summary>
/// What a dry run would change, as lines a user reads. The CLI's user works with files of codes and reads
/// «school / element / period: old → new» in codes; a page says the same in names (issue 21):
/// «СОШ № 1 г. Енисейск · Учеников зарегистрировано · 4 квартал 2026 г.: нет → 54».
/// </summary>
public static class DescribeChanges
{
    public enum Wording { Codes, Names }

    public static async Task<IReadOnlyList<string>> RunAsync(MeraDb database, IReadOnlyList<ValueChange> changes, int limit,
        CancellationToken ct = default, Wording wording = Wording.Codes)
    {
        var shown = changes.Take(limit).ToList();
        if (shown.Count == 0)
        {
            return [];
        }
        await using var db = database.CreateContext();
        var ids = shown.Select(c => c.Record.OrgId).Distinct().ToList();
        var orgs = await db.OrgUnits.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        return shown.Select(c =>
        {
            var r = c.Record;
            var old = c.OldValue is double o ? ValueRules.Format(o) : "нет";
            var org = orgs.GetValueOrDefault(r.OrgId);
            return wording == Wording.Codes
                ? $"{org?.Code ?? r.OrgId.ToString()} / {r.Element.Code} / {r.Period.Code}: {old} → {ValueRules.Format(r.Value)}"
                : $"{(org is null ? "" : Domain.OrgShortNames.Of(org))} · {Formatting.RussianFormat.Shortened(r.Element.Name, 70)} · {r.Period.DisplayRu}: "
                    + $"{(c.OldValue is null ? "не было" : old)} → {ValueRules.Format(r.Value)}";
        }).ToList();
    }
}
