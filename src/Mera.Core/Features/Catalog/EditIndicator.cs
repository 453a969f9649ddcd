using Mera.Core.Data;
using Mera.Core.Features.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Catalog;

/// <summary>An admin renames an indicator or moves it to another group on the dashboard. Codes never change.</summary>
public static class EditIndicator
{
    public sealed record Command(string Code, string Name, string GroupName, string User);

    public static async Task RunAsync(MeraDb database, Command c, TimeProvider clock, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var indicator = await db.Indicators.SingleOrDefaultAsync(i => i.Code == c.Code, ct)
            ?? throw new NotFoundException($"Показатель «{c.Code}» не найден");
        var name = CatalogEdit.RequiredName(c.Name, $"Показатель {c.Code}");
        var group = CatalogEdit.RequiredName(c.GroupName, $"Группа показателя {c.Code}");
        if (name == indicator.Name && group == indicator.GroupName)
        {
            return;
        }
        CatalogEdit.Record(db, clock, c.User, indicator, "catalog.indicator", "indicator", c.Code,
            $"{indicator.Name} [{indicator.GroupName}]", $"{name} [{group}]");
        indicator.Name = name;
        indicator.GroupName = group;
        await db.SaveChangesAsync(ct);
    }
}
