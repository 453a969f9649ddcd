namespace Mera.Core.Formulas;

/// <summary>Primary expressions: numbers, parentheses, function calls, element codes and org attributes.</summary>
internal sealed partial class RecursiveParser
{
    private Expr ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                _index++;
                return new Number(token.Value);
            case TokenKind.LParen:
                _index++;
                var inner = ParseOr();
                ExpectClosingParen();
                return inner;
            case TokenKind.Identifier when !IsKeyword(token):
                _index++;
                return Current.Kind == TokenKind.LParen ? ParseCall(token) : ParseReference(token);
            default:
                throw Unexpected(token);
        }
    }

    private Expr ParseCall(Token name)
    {
        var function = name.Text.ToLowerInvariant();
        if (function is not ("min" or "max" or "if"))
        {
            throw FormulaSyntaxException.UnknownFunction(name.Position, name.Text);
        }

        _index++; // "("
        var args = new List<Expr>();
        if (Current.Kind != TokenKind.RParen)
        {
            args.Add(ParseOr());
            while (Current.Kind == TokenKind.Comma)
            {
                _index++;
                args.Add(ParseOr());
            }
        }

        ExpectClosingParen();
        if (function == "if" && args.Count != 3)
        {
            throw FormulaSyntaxException.ArgumentCount(name.Position, function, "3 аргумента");
        }

        if (args.Count == 0)
        {
            throw FormulaSyntaxException.ArgumentCount(name.Position, function, "не менее 1 аргумента");
        }

        return new Call(function, args);
    }

    private static Expr ParseReference(Token token)
    {
        if (!token.Text.StartsWith("org.", StringComparison.OrdinalIgnoreCase))
        {
            return new ElementRef(token.Text);
        }

        if (string.Equals(token.Text, "org.is_rural", StringComparison.OrdinalIgnoreCase))
        {
            return new OrgAttribute("is_rural");
        }

        throw FormulaSyntaxException.UnknownOrgAttribute(token.Position, token.Text);
    }

    private void ExpectClosingParen()
    {
        if (Current.Kind != TokenKind.RParen)
        {
            throw FormulaSyntaxException.MissingClosingParen(Current.Position);
        }

        _index++;
    }
}
