using Mera.Core.Domain;
using Mera.Core.Formulas;

namespace Mera.Core.Engine;

/// <summary>The indicators to compute with the formula version in force at the period's end, bound to value slots.</summary>
internal sealed class IndicatorPlan
{
    public required IReadOnlyList<PlannedIndicator> Indicators { get; init; }
    public required TimeAggregation[] AggregationBySlot { get; init; }
    public required IReadOnlyDictionary<int, int> SlotOfElementId { get; init; }
    public required IReadOnlyCollection<int> EverElementIds { get; init; }

    /// <summary>The slot of the computed `orgunit.schools` pseudo-element, or -1 when no formula uses it.</summary>
    public required int SchoolsSlot { get; init; }

    public static IndicatorPlan Build(IReadOnlyList<Indicator> indicators, IReadOnlyList<DataElement> elements, Period period)
    {
        var byCode = elements.ToDictionary(e => e.Code);
        var slotOfCode = new Dictionary<string, int>();
        int SlotOf(string code)
        {
            if (!slotOfCode.TryGetValue(code, out var slot))
            {
                if (code != DataElement.SchoolsCode && !byCode.ContainsKey(code))
                {
                    throw new InvalidOperationException($"Формула ссылается на неизвестный подпоказатель «{code}»");
                }
                slot = slotOfCode.Count;
                slotOfCode[code] = slot;
            }
            return slot;
        }

        var planned = new List<PlannedIndicator>();
        foreach (var indicator in indicators)
        {
            var formula = indicator.FormulaAt(period.End);
            if (formula is null)
            {
                continue; // the indicator did not exist yet in that period
            }
            var numerator = FormulaCache.Get(formula.Numerator);
            var denominator = formula.Denominator is null ? null : FormulaCache.Get(formula.Denominator);
            planned.Add(new PlannedIndicator(
                indicator, formula, numerator.Bind(SlotOf), denominator?.Bind(SlotOf),
                numerator.ElementCodes.Where(c => c != DataElement.SchoolsCode).Select(SlotOf).ToArray(),
                denominator?.ElementCodes.Where(c => c != DataElement.SchoolsCode).Select(SlotOf).ToArray() ?? []));
        }

        var aggregation = new TimeAggregation[slotOfCode.Count];
        var slotOfElementId = new Dictionary<int, int>();
        var ever = new List<int>();
        foreach (var (code, slot) in slotOfCode)
        {
            if (byCode.TryGetValue(code, out var e))
            {
                aggregation[slot] = e.TimeAggregation;
                slotOfElementId[e.Id] = slot;
                if (e.TimeAggregation == TimeAggregation.Ever)
                {
                    ever.Add(e.Id);
                }
            }
        }
        return new IndicatorPlan
        {
            Indicators = planned,
            AggregationBySlot = aggregation,
            SlotOfElementId = slotOfElementId,
            EverElementIds = ever,
            SchoolsSlot = slotOfCode.GetValueOrDefault(DataElement.SchoolsCode, -1),
        };
    }
}

/// <summary>`NumeratorSlots`/`DenominatorSlots`: the stored elements each side reads (not the computed school count) —
/// a school has reported when both sides have a value.</summary>
internal sealed record PlannedIndicator(
    Indicator Indicator, IndicatorFormula Formula, BoundFormula Numerator, BoundFormula? Denominator, int[] NumeratorSlots, int[] DenominatorSlots)
{
    /// <summary>A ratio whose denominator reads no stored element (the registry's school count): a share of organisations.</summary>
    public bool OverRegistry => Denominator is not null && DenominatorSlots.Length == 0;
}
