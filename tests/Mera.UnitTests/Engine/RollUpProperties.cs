using CsCheck;
using Mera.Core.Domain;
using Mera.Core.Engine;

namespace Mera.UnitTests.Engine;

/// <summary>The engine's invariants over random districts (CsCheck shrinks a failure to the smallest district).</summary>
public sealed class RollUpProperties
{
    private static readonly Gen<EngineHarness.School> School = Gen.Select(
        Gen.Int[0, 400].Nullable(0.25), Gen.Int[1, 500].Nullable(0.15), Gen.Int[1, 3], (n, d, g) => new EngineHarness.School(n, d, g));

    private static readonly Gen<List<EngineHarness.School>> Schools = School.List[1, 30];

    [Fact]
    public void A_share_is_the_ratio_of_the_sums_over_the_schools_that_reported_both_sides() =>
        Schools.Sample(schools =>
        {
            var sum = EngineHarness.RollUp(schools)[0, 0];
            var both = schools.Where(s => s.Num is not null && s.Den is not null).ToList();
            Assert.Equal(both.Sum(s => s.Num!.Value), sum.Numerator);
            Assert.Equal(both.Sum(s => s.Den!.Value), sum.Denominator);
            Assert.Equal(both.Count, sum.Reported);
            Assert.Equal(schools.Count, sum.Expected);
        });

    [Fact]
    public void The_whole_is_the_sum_of_its_children() =>
        Schools.Sample(schools =>
        {
            var sums = EngineHarness.RollUp(schools, districts: 3);
            var children = Enumerable.Range(1, 3).Select(g => sums[g, 0]).ToList();
            Assert.Equal(children.Sum(c => c.Numerator), sums[0, 0].Numerator);
            Assert.Equal(children.Sum(c => c.Denominator), sums[0, 0].Denominator);
            Assert.Equal(children.Sum(c => c.Reported), sums[0, 0].Reported);
            Assert.Equal(children.Sum(c => c.Expected), sums[0, 0].Expected);
            for (var g = 1; g <= 3; g++)
            {
                Assert.Equal(schools.Count(s => s.District == g), sums[g, 0].Expected);
            }
        });

    [Fact]
    public void A_share_of_organisations_counts_every_school_and_a_missing_property_as_none() =>
        Schools.Sample(schools =>
        {
            var sum = EngineHarness.RollUp(schools, EngineHarness.Share("num", DataElement.SchoolsCode))[0, 0];
            Assert.Equal(schools.Sum(s => s.Num ?? 0), sum.Numerator);
            Assert.Equal(schools.Count, sum.Denominator);
            Assert.Equal(schools.Count(s => s.Num is not null), sum.Reported);
        });

    [Fact]
    public void A_count_adds_what_was_reported_and_counts_who_reported() =>
        Schools.Sample(schools =>
        {
            var sum = EngineHarness.RollUp(schools, EngineHarness.Share("num", null))[0, 0];
            Assert.Equal(schools.Sum(s => s.Num ?? 0), sum.Numerator);
            Assert.Equal(0, sum.Denominator);
            Assert.Equal(schools.Count(s => s.Num is not null), sum.Reported);
        });

    [Fact]
    public void Nobody_reporting_adds_nothing_to_either_side()
    {
        var sum = EngineHarness.RollUp([new(null, 100), new(null, 200), new(null, null)])[0, 0];
        Assert.Equal((0d, 0d, 0, 3), (sum.Numerator, sum.Denominator, sum.Reported, sum.Expected));
    }
}
