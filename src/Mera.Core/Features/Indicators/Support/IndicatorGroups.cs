using Mera.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Indicators;

/// <summary>Indicator code → its group («Цифровая зрелость …», «Региональный проект …»), in catalog order.</summary>
public static class IndicatorGroups
{
    public static async Task<IReadOnlyDictionary<string, string>> LoadAsync(MeraDb database, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        return await db.Indicators.AsNoTracking().OrderBy(i => i.SortOrder).ToDictionaryAsync(i => i.Code, i => i.GroupName, ct);
    }
}
