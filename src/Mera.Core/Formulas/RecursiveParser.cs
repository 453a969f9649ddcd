namespace Mera.Core.Formulas;

/// <summary>
/// Recursive descent, one method per precedence level (low → high):
/// or, and, not, comparison (non-associative), + -, * /, unary - +, primary.
/// </summary>
internal sealed partial class RecursiveParser
{
    private readonly List<Token> _tokens;
    private int _index;

    public RecursiveParser(List<Token> tokens) => _tokens = tokens;

    private Token Current => _tokens[_index];

    public Expr ParseFormula()
    {
        if (Current.Kind == TokenKind.End)
        {
            throw FormulaSyntaxException.Empty();
        }

        var root = ParseOr();
        if (Current.Kind != TokenKind.End)
        {
            throw Unexpected(Current);
        }

        return root;
    }

    private Expr ParseOr()
    {
        var left = ParseAnd();
        while (Current.IsKeyword("or"))
        {
            _index++;
            left = new Binary(BinaryOp.Or, left, ParseAnd());
        }

        return left;
    }

    private Expr ParseAnd()
    {
        var left = ParseNot();
        while (Current.IsKeyword("and"))
        {
            _index++;
            left = new Binary(BinaryOp.And, left, ParseNot());
        }

        return left;
    }

    private Expr ParseNot()
    {
        if (Current.IsKeyword("not"))
        {
            _index++;
            return new Unary(UnaryOp.Not, ParseNot());
        }

        return ParseComparison();
    }

    private Expr ParseComparison()
    {
        var left = ParseAdditive();
        if (!TryComparisonOp(Current, out var op))
        {
            return left;
        }

        _index++;
        var result = new Binary(op, left, ParseAdditive());
        // "1 < a < 3" reads naturally but would compare a 0/1 result with 3; refuse it instead of surprising anyone.
        if (TryComparisonOp(Current, out _))
        {
            throw FormulaSyntaxException.ChainedComparison(Current.Position);
        }

        return result;
    }

    private Expr ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (Current.IsOperator("+") || Current.IsOperator("-"))
        {
            var op = Current.Text == "+" ? BinaryOp.Add : BinaryOp.Subtract;
            _index++;
            left = new Binary(op, left, ParseMultiplicative());
        }

        return left;
    }

    private Expr ParseMultiplicative()
    {
        var left = ParseUnary();
        while (Current.IsOperator("*") || Current.IsOperator("/"))
        {
            var op = Current.Text == "*" ? BinaryOp.Multiply : BinaryOp.Divide;
            _index++;
            left = new Binary(op, left, ParseUnary());
        }

        return left;
    }

    private Expr ParseUnary()
    {
        if (Current.IsOperator("-"))
        {
            _index++;
            return new Unary(UnaryOp.Negate, ParseUnary());
        }

        if (Current.IsOperator("+"))
        {
            // Unary plus changes nothing, so it leaves no trace in the tree.
            _index++;
            return ParseUnary();
        }

        return ParsePrimary();
    }

    private static bool IsKeyword(Token token) =>
        token.IsKeyword("and") || token.IsKeyword("or") || token.IsKeyword("not");

    private static FormulaSyntaxException Unexpected(Token token) =>
        token.Kind == TokenKind.End
            ? FormulaSyntaxException.UnexpectedEnd(token.Position)
            : FormulaSyntaxException.UnexpectedToken(
                token.Position, token.Source, token.Kind is TokenKind.Identifier or TokenKind.Number);

    private static bool TryComparisonOp(Token token, out BinaryOp op)
    {
        op = token.Kind != TokenKind.Operator ? BinaryOp.Add : token.Text switch
        {
            "=" => BinaryOp.Equal,
            "<>" => BinaryOp.NotEqual,
            "<" => BinaryOp.Less,
            "<=" => BinaryOp.LessOrEqual,
            ">" => BinaryOp.Greater,
            ">=" => BinaryOp.GreaterOrEqual,
            _ => BinaryOp.Add,
        };
        return op != BinaryOp.Add;
    }
}
