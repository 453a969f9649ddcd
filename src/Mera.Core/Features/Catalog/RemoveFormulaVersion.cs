using Mera.Core.Data;
using Mera.Core.Features.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Catalog;

/// <summary>An admin withdraws a formula version entered by mistake; the last version of an indicator always stays.</summary>
public static class RemoveFormulaVersion
{
    public sealed record Command(string IndicatorCode, DateOnly EffectiveFrom, string User);

    public static async Task RunAsync(MeraDb database, Command c, TimeProvider clock, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        await using var transaction = await CatalogEdit.LockIndicatorAsync(db, c.IndicatorCode, ct);
        var indicator = await db.Indicators.Include(i => i.Formulas).SingleOrDefaultAsync(i => i.Code == c.IndicatorCode, ct)
            ?? throw new NotFoundException($"Показатель «{c.IndicatorCode}» не найден");
        var version = indicator.Formulas.SingleOrDefault(f => f.EffectiveFrom == c.EffectiveFrom)
            ?? throw new NotFoundException($"У показателя {c.IndicatorCode} нет версии формулы с {c.EffectiveFrom:dd.MM.yyyy}");
        if (indicator.Formulas.Count == 1)
        {
            throw new OperationRefusedException($"Показатель {c.IndicatorCode}: единственную версию формулы удалить нельзя, измените её");
        }
        db.IndicatorFormulas.Remove(version);
        CatalogEdit.Record(db, clock, c.User, indicator, "catalog.formula_remove", "indicator", $"{c.IndicatorCode} с {c.EffectiveFrom:dd.MM.yyyy}",
            SaveFormulaVersion.Text(version.Numerator, version.Denominator), "(нет версии)");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
