using BenchmarkDotNet.Attributes;
using Mera.Core.Data.BuiltIn;
using Mera.Core.Domain;
using Mera.Core.Engine;

namespace Mera.Bench;

/// <summary>
/// The roll-up core on a national leaf set: every catalog indicator evaluated for 40 000 schools and summed into
/// 85 regional groups, from a filled value grid (no database: the engine's own cost).
/// </summary>
[MemoryDiagnoser]
public class RollUpBenchmarks
{
    private IndicatorPlan _plan = null!;
    private LeafSet _leaves = null!;
    private ValueGrid _grid = null!;

    [Params(40_000)]
    public int Schools { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var catalog = BuiltInCatalog.Instance;
        var elements = catalog.Elements.Select((c, i) => new DataElement
        {
            Id = i + 1, Code = c.Code, Name = c.Name, PeriodType = PeriodTypeNames.Parse(c.PeriodType),
            TimeAggregation = Enum.Parse<TimeAggregation>(c.TimeAggregation, ignoreCase: true),
        }).ToList();
        var indicators = catalog.Indicators.Select(c => new Indicator
        {
            Code = c.Code, Name = c.Name, Kind = Enum.Parse<IndicatorKind>(c.Kind, ignoreCase: true), Factor = c.Factor,
            Formulas = c.Formulas.Select(f => new IndicatorFormula { EffectiveFrom = DateOnly.Parse(f.EffectiveFrom), Numerator = f.Numerator, Denominator = f.Denominator }).ToList(),
        }).ToList();
        var period = Period.OfQuarter(2026, 3);
        _plan = IndicatorPlan.Build(indicators, elements, period);
        var regions = Enumerable.Range(1, 85).ToList();
        var rows = Enumerable.Range(1, Schools).Select(i =>
            new LeafRow(1000 + i, regions[i % 85], $"/1/{regions[i % 85]}/{1000 + i}/", OrgUnitType.School, i % 3 == 0, true, null, null)).ToList();
        _leaves = LeafSet.Build(rows, "/1/", regions, period.End);
        _grid = new ValueGrid(_leaves.Count, _plan.AggregationBySlot, period);
        var random = new Random(1);
        var byId = elements.ToDictionary(e => e.Id);
        for (var leaf = 0; leaf < _leaves.Count; leaf++)
        {
            foreach (var (elementId, slot) in _plan.SlotOfElementId)
            {
                var type = byId[elementId].PeriodType;
                var anchor = (type == PeriodType.Year ? period.ContainerOf(PeriodType.Year).Anchor : period.Start).DayNumber;
                _grid.Add(leaf, slot, type > PeriodType.Quarter ? type : PeriodType.Quarter, anchor, random.Next(1, 500));
            }
        }
    }

    [Benchmark]
    public double NationalRollUp() => RollUp.Compute(_plan, _leaves, _grid, groups: 86)[0, 0].Numerator;
}
