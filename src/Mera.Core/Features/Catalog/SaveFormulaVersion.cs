using Mera.Core.Data;
using Mera.Core.Features.Indicators;
using Mera.Core.Domain;
using Mera.Core.Formulas;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Catalog;

/// <summary>
/// An admin adds a formula version in force from a date, or replaces the version of that date. The text is
/// parsed and every element it names must exist before anything is saved: a period is computed with the version
/// in force at its end, so a broken formula would break every dashboard from that date on.
/// </summary>
public static class SaveFormulaVersion
{
    public sealed record Command(string IndicatorCode, DateOnly EffectiveFrom, string Numerator, string? Denominator, string User);

    public sealed record Result(bool Added, bool Changed);

    public static async Task<Result> RunAsync(MeraDb database, Command c, TimeProvider clock, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        await using var transaction = await CatalogEdit.LockIndicatorAsync(db, c.IndicatorCode, ct);
        var indicator = await db.Indicators.Include(i => i.Formulas).SingleOrDefaultAsync(i => i.Code == c.IndicatorCode, ct)
            ?? throw new NotFoundException($"Показатель «{c.IndicatorCode}» не найден");
        if (c.EffectiveFrom.Year is < 2000 or > 2100)
        {
            throw new OperationRefusedException($"Показатель {c.IndicatorCode}: дата начала действия {c.EffectiveFrom:dd.MM.yyyy} вне 2000–2100 годов");
        }
        var known = (await db.DataElements.AsNoTracking().Select(e => e.Code).ToListAsync(ct)).Append(DataElement.SchoolsCode).ToHashSet();
        var numerator = Checked(c.Numerator, "числитель", c.IndicatorCode, known)!;
        var denominator = Checked(c.Denominator, "знаменатель", c.IndicatorCode, known);
        if (indicator.Kind == IndicatorKind.Percent && denominator is null)
        {
            throw new OperationRefusedException($"Показатель {c.IndicatorCode} — доля: знаменатель обязателен");
        }
        if (indicator.Kind == IndicatorKind.Number && denominator is not null)
        {
            throw new OperationRefusedException($"Показатель {c.IndicatorCode} — численность: знаменатель должен быть пустым");
        }

        var version = indicator.Formulas.SingleOrDefault(f => f.EffectiveFrom == c.EffectiveFrom);
        if (version is not null && version.Numerator == numerator && version.Denominator == denominator)
        {
            return new Result(false, false);
        }
        var before = version is null ? "(нет версии)" : Text(version.Numerator, version.Denominator);
        if (version is null)
        {
            indicator.Formulas.Add(new IndicatorFormula { EffectiveFrom = c.EffectiveFrom, Numerator = numerator, Denominator = denominator });
        }
        else
        {
            version.Numerator = numerator;
            version.Denominator = denominator;
        }
        CatalogEdit.Record(db, clock, c.User, indicator, "catalog.formula", "indicator", $"{c.IndicatorCode} с {c.EffectiveFrom:dd.MM.yyyy}",
            before, Text(numerator, denominator));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Result(version is null, true);
    }

    internal static string Text(string numerator, string? denominator) => denominator is null ? numerator : $"({numerator}) / ({denominator})";

    internal static string? Checked(string? text, string part, string indicator, HashSet<string> known)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0)
        {
            return part == "числитель" ? throw new OperationRefusedException($"Показатель {indicator}: числитель не может быть пустым") : null;
        }
        if (trimmed.Length > 2000)
        {
            throw new OperationRefusedException($"Показатель {indicator}: {part} длиннее 2000 символов");
        }
        if (!FormulaParser.TryParse(trimmed, out var formula, out var error))
        {
            throw new OperationRefusedException($"Показатель {indicator}, {part}: {error.Message}");
        }
        var unknown = formula.ElementCodes.Where(code => !known.Contains(code)).ToList();
        if (unknown.Count > 0)
        {
            throw new OperationRefusedException(
                $"Показатель {indicator}, {part}: неизвестные подпоказатели {string.Join(", ", unknown.Select(u => $"«{u}»"))}");
        }
        return trimmed;
    }
}
