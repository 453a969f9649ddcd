namespace Mera.Core.Formulas;

internal enum TokenKind
{
    Number,
    Identifier,
    Operator,
    LParen,
    RParen,
    Comma,
    End,
}

/// <summary>
/// <paramref name="Text"/> is normalised (Unicode minus becomes "-") so the parser compares one spelling;
/// <paramref name="Source"/> keeps what the user typed for error messages.
/// </summary>
internal readonly record struct Token(TokenKind Kind, string Text, string Source, int Position, double Value = 0)
{
    public bool IsOperator(string op) => Kind == TokenKind.Operator && Text == op;

    public bool IsKeyword(string keyword) =>
        Kind == TokenKind.Identifier && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);
}
