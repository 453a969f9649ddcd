using Mera.Core.Data;
using Mera.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Catalog;

/// <summary>
/// `./mera catalog indicator add`: a region's own indicator with its first formula version (issue 20: seed 004's
/// «доля муниципальных образований с целевой моделью ЦОС», «горизонтальное обучение»). The formula is checked as any
/// version is (<see cref="SaveFormulaVersion"/>); the indicator then works in the engine, targets and reports like a
/// built-in one, survives `db migrate` and is audited.
/// </summary>
public static class AddIndicator
{
    public sealed record Command(string Code, string Name, IndicatorKind Kind, string Unit, string GroupName, DateOnly EffectiveFrom,
        string Numerator, string? Denominator, string User);

    public static async Task RunAsync(MeraDb database, Command c, TimeProvider clock, CancellationToken ct = default)
    {
        var code = RegionCodes.Checked(c.Code, "Показатель");
        var name = CatalogEdit.RequiredName(c.Name, $"Показатель {code}");
        var group = CatalogEdit.RequiredName(c.GroupName, $"Группа показателя {code}");
        if (c.EffectiveFrom.Year is < 2000 or > 2100)
        {
            throw new OperationRefusedException($"Показатель {code}: дата начала действия {c.EffectiveFrom:dd.MM.yyyy} вне 2000–2100 годов");
        }
        await using var db = database.CreateContext();
        if (await db.Indicators.AnyAsync(i => i.Code == code, ct))
        {
            throw new OperationRefusedException($"Код «{code}» уже есть в каталоге: выберите другой");
        }
        var known = (await db.DataElements.AsNoTracking().Select(e => e.Code).ToListAsync(ct)).Append(DataElement.SchoolsCode).ToHashSet();
        var numerator = SaveFormulaVersion.Checked(c.Numerator, "числитель", code, known)!;
        var denominator = SaveFormulaVersion.Checked(c.Denominator, "знаменатель", code, known);
        if ((c.Kind == IndicatorKind.Percent) != (denominator is not null))
        {
            throw new OperationRefusedException(c.Kind == IndicatorKind.Percent
                ? $"Показатель {code} — доля: знаменатель обязателен"
                : $"Показатель {code} — численность: знаменатель должен быть пустым");
        }
        var order = await db.Indicators.MaxAsync(i => (int?)i.SortOrder, ct) ?? 0;
        var indicator = new Indicator
        {
            Code = code, Name = name, Kind = c.Kind, Unit = c.Unit.Trim(), Factor = c.Kind == IndicatorKind.Percent ? 100 : 1,
            GroupName = group, SortOrder = order + 1,
            Formulas = [new IndicatorFormula { EffectiveFrom = c.EffectiveFrom, Numerator = numerator, Denominator = denominator }],
        };
        db.Indicators.Add(indicator);
        CatalogEdit.Record(db, clock, c.User, indicator, "catalog.indicator.add", "indicator", code, "(нет)",
            $"{name}: {SaveFormulaVersion.Text(numerator, denominator)} с {c.EffectiveFrom:dd.MM.yyyy}");
        await db.SaveChangesAsync(ct);
    }
}
