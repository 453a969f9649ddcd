using Mera.Core.Data;
using Mera.Core.Features.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Catalog;

/// <summary>An admin renames a sub-indicator or its unit, as the region's methodology words it. Codes never change.</summary>
public static class EditElement
{
    public sealed record Command(string Code, string Name, string Unit, string User);

    public static async Task RunAsync(MeraDb database, Command c, TimeProvider clock, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var element = await db.DataElements.SingleOrDefaultAsync(e => e.Code == c.Code, ct)
            ?? throw new NotFoundException($"Подпоказатель «{c.Code}» не найден");
        var name = CatalogEdit.RequiredName(c.Name, $"Подпоказатель {c.Code}");
        var unit = (c.Unit ?? "").Trim();
        if (unit.Length > 50)
        {
            throw new OperationRefusedException($"Подпоказатель {c.Code}: единица измерения длиннее 50 символов");
        }
        if (name == element.Name && unit == element.Unit)
        {
            return;
        }
        CatalogEdit.Record(db, clock, c.User, element, "catalog.element", "data_element", c.Code, $"{element.Name} ({element.Unit})", $"{name} ({unit})");
        element.Name = name;
        element.Unit = unit;
        await db.SaveChangesAsync(ct);
    }
}
