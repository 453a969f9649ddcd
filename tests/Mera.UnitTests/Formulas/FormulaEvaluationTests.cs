using Mera.Core.Formulas;

namespace Mera.UnitTests.Formulas;

public class FormulaEvaluationTests
{
    private static double? Eval(string text, Dictionary<string, double?>? values = null, bool isRural = false) =>
        FormulaParser.Parse(text).Evaluate(
            code => values is not null && values.TryGetValue(code, out var v) ? v : null, isRural);

    [Theory]
    [InlineData("10-2-3", 5)]
    [InlineData("2+3*4", 14)]
    [InlineData("(2+3)*4", 20)]
    [InlineData("8/4/2", 1)]
    [InlineData("1.5 + .5", 2)]
    [InlineData("-3 + 5", 2)]
    [InlineData("-(2+3)*2", -10)]
    [InlineData("2 * -3", -6)]
    [InlineData("--4", 4)]
    [InlineData("+4 - -1", 5)]
    [InlineData("1 + 2 = 3", 1)]
    [InlineData("0.1 + 0.2 = 0.3", 1)]
    [InlineData("0.1 + 0.2 <= 0.3", 1)]
    [InlineData("2 <> 3", 1)]
    [InlineData("2 != 2", 0)]
    [InlineData("2 == 2", 1)]
    [InlineData("3 > 2 and 1 < 2", 1)]
    [InlineData("3 > 2 and 1 > 2", 0)]
    [InlineData("0 or 5", 1)]
    [InlineData("not 0", 1)]
    [InlineData("not 1 = 1", 0)]
    [InlineData("1 or 0 and 0", 1)]
    public void ArithmeticAndLogic(string text, double expected)
    {
        Assert.Equal(expected, Eval(text)!.Value, 12);
    }

    [Fact]
    public void UnicodeMinusEnDashAndNonBreakingSpacesAreAccepted()
    {
        var values = new Dictionary<string, double?> { ["a"] = 10, ["b"] = 4 };
        Assert.Equal(6, Eval("(a − b)", values));
        Assert.Equal(6, Eval("a\u00A0–\u00A0b", values));
        Assert.Equal(-4, Eval("\u202F−b", values));
    }

    [Theory]
    [InlineData("1/0")]
    [InlineData("1/(a-a)")]
    [InlineData("a/b")]
    [InlineData("(1/0) + 5")]
    [InlineData("1/0 = 1")]
    [InlineData("max(1, 1/0)")]
    [InlineData("if(1/0, 1, 2)")]
    [InlineData("1/0 or 1")]
    [InlineData("not (1/0)")]
    [InlineData("-(1/0)")]
    public void DivisionByZeroYieldsNullAndPropagates(string text)
    {
        var values = new Dictionary<string, double?> { ["a"] = 5 };
        Assert.Null(Eval(text, values));
    }

    [Fact]
    public void OverflowYieldsNullNotInfinity()
    {
        // 1e308 * 10 overflows to +Infinity, which must not leak into roll-up sums.
        Assert.Null(Eval("1" + new string('0', 308) + " * 10"));
    }

    [Fact]
    public void IfOnlyNeedsTheTakenBranchToHaveAValue()
    {
        Assert.Equal(2, Eval("if(0, 1/0, 2)"));
    }

    [Fact]
    public void MissingElementCountsAsZero()
    {
        var values = new Dictionary<string, double?> { ["b"] = 4 };
        Assert.Equal(4, Eval("a + b", values));
        Assert.Equal(0, Eval("a / b", values));
        Assert.Equal(1, Eval("a = 0", values));
    }

    [Theory]
    [InlineData(true, 60, 1, 1)]
    [InlineData(false, 60, 1, 0)]
    [InlineData(false, 100, 0, 0)]
    [InlineData(false, 100, 1, 1)]
    [InlineData(true, 49, 1, 0)]
    public void InternetSpeedDependsOnRurality(bool isRural, double mbps, double guaranteed, double expected)
    {
        const string text =
            "if(infra.internet.mbps >= if(org.is_rural, 50, 100) and infra.internet.guaranteed = 1, 1, 0)";
        var values = new Dictionary<string, double?>
        {
            ["infra.internet.mbps"] = mbps,
            ["infra.internet.guaranteed"] = guaranteed,
        };
        Assert.Equal(expected, Eval(text, values, isRural));
    }

    [Theory]
    [InlineData("min(3, 1, 2)", 1)]
    [InlineData("max(3, 1, 2, 7, -1)", 7)]
    [InlineData("min(4)", 4)]
    [InlineData("max(a, b, 2)", 5)]
    [InlineData("min(a, b, 2)", 0)]
    [InlineData("max(min(1, 2), min(3, 4))", 3)]
    public void MinMaxWithSeveralArguments(string text, double expected)
    {
        var values = new Dictionary<string, double?> { ["a"] = 5 };
        Assert.Equal(expected, Eval(text, values));
    }

    [Theory]
    [InlineData("1 AND 0 OR 1", 1)]
    [InlineData("NOT 1", 0)]
    [InlineData("If(1, 2, 3)", 2)]
    [InlineData("MAX(1, 2)", 2)]
    [InlineData("Min(1, 2)", 1)]
    [InlineData("ORG.IS_RURAL", 1)]
    public void KeywordsAndFunctionsAreCaseInsensitive(string text, double expected)
    {
        Assert.Equal(expected, Eval(text, isRural: true));
    }
}
