using System.Globalization;
using Mera.Core.Data.BuiltIn;
using Mera.Core.Data;
using Mera.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Catalog;

/// <summary>
/// Loads the built-in catalog into the database idempotently: missing items are added, built-in names and
/// rules refreshed, formula versions added by effective date. What an admin edited in the web (names,
/// groups, formula versions, deadlines, reminder days) is kept as the region set it.
/// </summary>
public static class SyncCatalog
{
    public sealed record Result(int ElementsAdded, int IndicatorsAdded, int FormulasAdded, int FormsAdded, int Updated);

    public static async Task<Result> RunAsync(MeraDbContext db, CancellationToken ct = default)
    {
        var catalog = BuiltInCatalog.Instance;
        int elementsAdded = 0, indicatorsAdded = 0, formulasAdded = 0, formsAdded = 0, updated = 0;

        var elements = await db.DataElements.ToDictionaryAsync(e => e.Code, ct);
        foreach (var c in catalog.Elements)
        {
            if (!elements.TryGetValue(c.Code, out var e))
            {
                e = new DataElement { Code = c.Code, Name = c.Name };
                db.DataElements.Add(e);
                elementsAdded++;
            }
            if (e.EditedAt is null)
            {
                e.Name = c.Name;
                e.Unit = c.Unit;
            }
            e.ValueType = Enum.Parse<ElementValueType>(c.ValueType, ignoreCase: true);
            e.PeriodType = PeriodTypeNames.Parse(c.PeriodType);
            e.TimeAggregation = Enum.Parse<TimeAggregation>(c.TimeAggregation, ignoreCase: true);
            e.Source = c.Source;
            e.Supplier = c.Supplier;
        }

        var indicators = await db.Indicators.Include(i => i.Formulas).ToDictionaryAsync(i => i.Code, ct);
        for (var order = 0; order < catalog.Indicators.Count; order++)
        {
            var c = catalog.Indicators[order];
            if (!indicators.TryGetValue(c.Code, out var i))
            {
                i = new Indicator { Code = c.Code, Name = c.Name };
                db.Indicators.Add(i);
                indicatorsAdded++;
            }
            i.Kind = Enum.Parse<IndicatorKind>(c.Kind, ignoreCase: true);
            i.Unit = c.Unit;
            i.Factor = c.Factor;
            i.LowerIsBetter = c.LowerIsBetter;
            i.SortOrder = order + 1;
            if (i.EditedAt is not null)
            {
                continue; // the region's own name, group and formula versions stand
            }
            i.Name = c.Name;
            i.GroupName = c.Group;
            foreach (var f in c.Formulas)
            {
                var from = DateOnly.ParseExact(f.EffectiveFrom, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                if (i.Formulas.All(x => x.EffectiveFrom != from))
                {
                    i.Formulas.Add(new IndicatorFormula { EffectiveFrom = from, Numerator = f.Numerator, Denominator = f.Denominator });
                    formulasAdded++;
                }
            }
        }

        var forms = await db.Forms.ToDictionaryAsync(f => f.Code, ct);
        foreach (var c in catalog.Forms)
        {
            if (!forms.TryGetValue(c.Code, out var f))
            {
                f = new Form { Code = c.Code, Name = c.Name, DeadlineRule = c.Deadline };
                db.Forms.Add(f);
                formsAdded++;
            }
            if (f.EditedAt is null)
            {
                f.Name = c.Name;
            }
            f.PeriodType = PeriodTypeNames.Parse(c.PeriodType);
            f.Supplier = c.Supplier;
            f.Receiver = c.Receiver;
            f.ElementCodes = string.Join(",", c.Elements);
        }

        updated = db.ChangeTracker.Entries().Count(e => e.State == EntityState.Modified);
        await db.SaveChangesAsync(ct);
        return new Result(elementsAdded, indicatorsAdded, formulasAdded, formsAdded, updated);
    }
}
