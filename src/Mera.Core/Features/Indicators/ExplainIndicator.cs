using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Formulas;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Indicators;

/// <summary>
/// Where a school's indicator comes from: each element of the formula in force, the stored values that fall in
/// the period (its own, shorter ones inside it, and longer ones containing it), who or which file supplied each,
/// and every change that led to it: the value's own latest change first, then the earlier ones from the history.
/// </summary>
public static class ExplainIndicator
{
    public sealed record Change(double? OldValue, double? NewValue, string By, DateTimeOffset At, string? File, long? Batch);

    public sealed record StoredValue(string PeriodCode, double Value, ValueSource Source, string ChangedBy, DateTimeOffset ChangedAt,
        string? SourceFile, long? Batch, string? Comment, IReadOnlyList<Change> History);

    public sealed record ElementValues(DataElement Element, IReadOnlyList<StoredValue> Values);

    public sealed record Result(Indicator Indicator, IndicatorFormula Formula, IReadOnlyList<ElementValues> Elements);

    public static async Task<Result> RunAsync(MeraDb database, OrgUnit school, string indicatorCode, string periodCode, CancellationToken ct = default)
    {
        var period = Period.Parse(periodCode);
        await using var db = database.CreateContext();
        var indicator = await db.Indicators.AsNoTracking().Include(i => i.Formulas).SingleOrDefaultAsync(i => i.Code == indicatorCode, ct)
            ?? throw new NotFoundException($"Неизвестный показатель: {indicatorCode}");
        var formula = indicator.FormulaAt(period.End) ?? throw new NotFoundException($"Для показателя {indicatorCode} нет формулы на {period.End:dd.MM.yyyy}");
        var codes = FormulaParser.Parse(formula.Numerator).ElementCodes
            .Concat(formula.Denominator is null ? [] : FormulaParser.Parse(formula.Denominator).ElementCodes)
            .Distinct().ToList();
        var elements = await db.DataElements.AsNoTracking().Where(e => codes.Contains(e.Code)).ToListAsync(ct);
        var ids = elements.Select(e => e.Id).ToList();
        var containers = period.Containers().Select(p => p.Code).Append(period.Code).ToList();
        var values = await db.DataValues.AsNoTracking()
            .Where(v => v.OrgUnitId == school.Id && ids.Contains(v.ElementId)
                && ((v.PeriodAnchor >= period.Start && v.PeriodAnchor <= period.End) || containers.Contains(v.PeriodCode)))
            .ToListAsync(ct);
        var keys = values.Select(v => v.PeriodCode).Distinct().ToList();
        var history = await db.DataValueHistory.AsNoTracking()
            .Where(h => h.OrgUnitId == school.Id && ids.Contains(h.ElementId) && keys.Contains(h.PeriodCode))
            .OrderByDescending(h => h.Id).ToListAsync(ct);
        var result = codes.Select(code => elements.FirstOrDefault(e => e.Code == code)).OfType<DataElement>().Select(e =>
            new ElementValues(e, values.Where(v => v.ElementId == e.Id).OrderBy(v => v.PeriodAnchor).Select(v => new StoredValue(
                v.PeriodCode, v.Value, v.Source, v.ChangedBy, v.ChangedAt, v.SourceFile, v.ImportBatchId, v.Comment,
                history.Where(h => h.ElementId == e.Id && h.PeriodCode == v.PeriodCode)
                    .Select(h => new Change(h.OldValue, h.NewValue, h.ChangedBy, h.ChangedAt, h.SourceFile, h.ImportBatchId))
                    .Prepend(new Change(v.PreviousValue, v.Value, v.ChangedBy, v.ChangedAt, v.SourceFile, v.ImportBatchId)).ToList())).ToList()))
            .ToList();
        return new Result(indicator, formula, result);
    }
}
