using Mera.Core.Data;
using Mera.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Catalog;

/// <summary>
/// `./mera catalog element add`: a region's own sub-indicator (issue 20: seed 002's parents, heads trained, ИУП,
/// РМО/СМО counts). It is then used like a built-in one — in formulas, forms, templates, imports — survives `db migrate`
/// (the sync adds and updates only the codes of the release) and is audited.
/// </summary>
public static class AddElement
{
    public sealed record Command(string Code, string Name, string Unit, ElementValueType ValueType, PeriodType PeriodType,
        TimeAggregation TimeAggregation, string Supplier, string User);

    public static async Task RunAsync(MeraDb database, Command c, TimeProvider clock, CancellationToken ct = default)
    {
        var code = RegionCodes.Checked(c.Code, "Подпоказатель");
        var name = CatalogEdit.RequiredName(c.Name, $"Подпоказатель {code}");
        if (c.Supplier is not ("school" or "municipality"))
        {
            throw new OperationRefusedException($"Подпоказатель {code}: поставщик данных — «school» (школа) или «municipality» (муниципалитет)");
        }
        await using var db = database.CreateContext();
        if (code == DataElement.SchoolsCode || await db.DataElements.AnyAsync(e => e.Code == code, ct))
        {
            throw new OperationRefusedException($"Код «{code}» уже есть в каталоге: выберите другой");
        }
        var element = new DataElement
        {
            Code = code, Name = name, Unit = c.Unit.Trim(), ValueType = c.ValueType, PeriodType = c.PeriodType,
            TimeAggregation = c.TimeAggregation, Source = "регион", Supplier = c.Supplier,
        };
        db.DataElements.Add(element);
        CatalogEdit.Record(db, clock, c.User, element, "catalog.element.add", "element", code, "(нет)",
            $"{name}, {c.Unit.Trim()}, {PeriodTypeNames.ToRussian(c.PeriodType)}");
        await db.SaveChangesAsync(ct);
    }
}
