using Mera.Core.Formulas;

namespace Mera.UnitTests.Formulas;

public class FormulaSyntaxTests
{
    [Theory]
    [InlineData("a + * b", 4, "неожиданный символ \"*\"")]
    [InlineData("(a + b", 6, "ожидалась закрывающая скобка \")\"")]
    [InlineData("min(a, b", 8, "ожидалась закрывающая скобка \")\"")]
    [InlineData("foo(1)", 0, "неизвестная функция \"foo\"")]
    [InlineData("if(1,2)", 0, "функция if принимает 3 аргумента")]
    [InlineData("IF(1,2,3,4)", 0, "функция if принимает 3 аргумента")]
    [InlineData("1 + max()", 4, "функция max принимает не менее 1 аргумента")]
    [InlineData("a $ b", 2, "недопустимый символ \"$\"")]
    [InlineData("org.size", 0, "\"org.size\"")]
    [InlineData("1 + org.size", 4, "\"org.size\"")]
    [InlineData("", 0, "формула пуста")]
    [InlineData(" \u00A0 ", 0, "формула пуста")]
    [InlineData("a +", 3, "неожиданный конец формулы")]
    [InlineData("a b", 2, "неожиданный фрагмент \"b\"")]
    [InlineData("a)", 1, "неожиданный символ \")\"")]
    [InlineData("1 < a < 3", 6, "цепочкой")]
    [InlineData("школа + 1", 0, "недопустимый символ \"ш\"")]
    [InlineData("a = not b", 4, "\"not\"")]
    public void ReportsPositionAndReason(string text, int position, string reasonPart)
    {
        var ex = Assert.Throws<FormulaSyntaxException>(() => FormulaParser.Parse(text));
        Assert.Equal(position, ex.Position);
        Assert.Contains(reasonPart, ex.Message);
        // Users see the position 1-based.
        Assert.StartsWith($"Ошибка в формуле в позиции {position + 1}: ", ex.Message);
    }

    [Fact]
    public void TryParseReportsErrorWithoutThrowing()
    {
        Assert.False(FormulaParser.TryParse("(a + b", out var formula, out var error));
        Assert.Null(formula);
        Assert.Equal(6, error!.Position);

        Assert.True(FormulaParser.TryParse("a + b", out formula, out error));
        Assert.Null(error);
        Assert.Equal("a + b", formula!.Text);
    }

    [Fact]
    public void ElementCodesAreDistinctInOrderOfFirstAppearance()
    {
        var formula = FormulaParser.Parse(
            "openschool.students.registered / orgunit.schools + if(org.is_rural, x_1, openschool.students.registered)");
        Assert.Equal(
            new[] { "openschool.students.registered", "orgunit.schools", "x_1" },
            formula.ElementCodes);
        Assert.True(formula.UsesOrgAttributes);
        Assert.False(FormulaParser.Parse("a + b").UsesOrgAttributes);
    }

    [Fact]
    public void BuildsExpectedTree()
    {
        var root = FormulaParser.Parse("-a.b * 2 >= max(1, org.is_rural)").Root;
        var cmp = Assert.IsType<Binary>(root);
        Assert.Equal(BinaryOp.GreaterOrEqual, cmp.Op);
        var mul = Assert.IsType<Binary>(cmp.Left);
        Assert.Equal(BinaryOp.Multiply, mul.Op);
        Assert.Equal(new Unary(UnaryOp.Negate, new ElementRef("a.b")), mul.Left);
        var call = Assert.IsType<Call>(cmp.Right);
        Assert.Equal("max", call.Name);
        Assert.Equal(new Number(1), call.Args[0]);
        Assert.Equal(new OrgAttribute("is_rural"), call.Args[1]);
    }
}
