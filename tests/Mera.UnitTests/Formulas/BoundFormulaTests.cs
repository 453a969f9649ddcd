using Mera.Core.Formulas;

namespace Mera.UnitTests.Formulas;

public class BoundFormulaTests
{
    // A shared slot layout as a roll-up would have: more codes than any one formula uses, in another order.
    private static readonly string[] _layout = ["unused", "c", "b", "a", "infra.mbps", "infra.guaranteed"];

    public static TheoryData<string> Formulas => new()
    {
        "a + b * c",
        "a / (b - c)",
        "if(infra.mbps >= if(org.is_rural, 50, 100) and infra.guaranteed = 1, 1, 0)",
        "min(a, b, c) + max(a, b, c)",
        "not a or b and c <> 2",
        "-a − c / 1",
    };

    [Theory]
    [MemberData(nameof(Formulas))]
    public void BindEvaluateMatchesLookupEvaluate(string text)
    {
        var formula = FormulaParser.Parse(text);
        var bound = formula.Bind(code => Array.IndexOf(_layout, code));
        var cases = new[]
        {
            new double?[] { 99, 3, 2, 1, 60, 1 },
            new double?[] { 99, 2, 2, 0, 100, 0 },
            new double?[] { 99, null, 5, null, null, 1 },
            new double?[] { 99, 0, 0, 0, 0, 0 },
        };
        foreach (var slots in cases)
        {
            foreach (var isRural in new[] { true, false })
            {
                var expected = formula.Evaluate(code => slots[Array.IndexOf(_layout, code)], isRural);
                Assert.Equal(expected, bound.Evaluate(slots, isRural));
            }
        }
    }

    [Fact]
    public void BoundEvaluationGivesConcreteResults()
    {
        var bound = FormulaParser.Parse("a / (b - c)").Bind(code => Array.IndexOf(_layout, code));
        Assert.Equal(3, bound.Evaluate([0, 1, 3, 6, 0, 0], false));
        Assert.Null(bound.Evaluate([0, 2, 2, 6, 0, 0], false));
        Assert.Equal(0, bound.Evaluate([0, 1, 3, null, 0, 0], false));
    }

    [Fact]
    public void BindResolvesEachCodeOnce()
    {
        var calls = new List<string>();
        FormulaParser.Parse("a + a * b + a").Bind(code =>
        {
            calls.Add(code);
            return calls.Count - 1;
        });
        Assert.Equal(new[] { "a", "b" }, calls);
    }

    [Fact]
    public void BoundEvaluationDoesNotAllocate()
    {
        var bound = FormulaParser.Parse(
            "if(infra.mbps >= if(org.is_rural, 50, 100) and infra.guaranteed = 1, min(a, b, c), a / (b - c))")
            .Bind(code => Array.IndexOf(_layout, code));
        double?[] slots = [0, 1, 3, 6, 60, 1];
        bound.Evaluate(slots, true);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            bound.Evaluate(slots, (i & 1) == 0);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }
}
