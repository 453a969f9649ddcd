using System.Globalization;

namespace Mera.Core.Formulas;

/// <summary>Splits formula text into tokens up front; formulas are short, so a list is simpler than streaming.</summary>
internal static class FormulaLexer
{
    // Formulas are copied from Word/PDF methodology documents, where "-" is often typeset
    // as a Unicode minus or an en dash.
    private const char UnicodeMinus = '\u2212';
    private const char EnDash = '\u2013';

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            // char.IsWhiteSpace covers NBSP (U+00A0) and narrow NBSP (U+202F) from Russian typography.
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            if (IsDigit(c) || (c == '.' && i + 1 < text.Length && IsDigit(text[i + 1])))
            {
                i = ReadNumber(text, i);
                var source = text[start..i];
                var value = double.Parse(source, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
                tokens.Add(new Token(TokenKind.Number, source, source, start, value));
                continue;
            }

            if (IsIdentStart(c))
            {
                i = ReadIdentifier(text, i);
                var source = text[start..i];
                tokens.Add(new Token(TokenKind.Identifier, source, source, start));
                continue;
            }

            var (kind, op, length) = ReadPunctuation(text, i);
            if (length == 0)
            {
                throw FormulaSyntaxException.UnexpectedCharacter(i, c);
            }

            tokens.Add(new Token(kind, op, text.Substring(i, length), start));
            i += length;
        }

        tokens.Add(new Token(TokenKind.End, "", "", text.Length));
        return tokens;
    }

    private static int ReadNumber(string text, int i)
    {
        while (i < text.Length && IsDigit(text[i]))
        {
            i++;
        }

        // Only consume the dot when digits follow, so "5." reports the stray dot instead of guessing.
        if (i + 1 < text.Length && text[i] == '.' && IsDigit(text[i + 1]))
        {
            i++;
            while (i < text.Length && IsDigit(text[i]))
            {
                i++;
            }
        }

        return i;
    }

    private static int ReadIdentifier(string text, int i)
    {
        i++;
        while (i < text.Length && IsIdentPart(text[i]))
        {
            i++;
        }

        // Dotted segments: a dot belongs to the code only if a segment follows it.
        while (i + 1 < text.Length && text[i] == '.' && IsIdentPart(text[i + 1]))
        {
            i += 2;
            while (i < text.Length && IsIdentPart(text[i]))
            {
                i++;
            }
        }

        return i;
    }

    private static (TokenKind Kind, string Op, int Length) ReadPunctuation(string text, int i)
    {
        var c = text[i];
        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        return c switch
        {
            '(' => (TokenKind.LParen, "(", 1),
            ')' => (TokenKind.RParen, ")", 1),
            ',' => (TokenKind.Comma, ",", 1),
            '+' => (TokenKind.Operator, "+", 1),
            '-' or UnicodeMinus or EnDash => (TokenKind.Operator, "-", 1),
            '*' => (TokenKind.Operator, "*", 1),
            '/' => (TokenKind.Operator, "/", 1),
            '=' when next == '=' => (TokenKind.Operator, "=", 2),
            '=' => (TokenKind.Operator, "=", 1),
            '!' when next == '=' => (TokenKind.Operator, "<>", 2),
            '<' when next == '>' => (TokenKind.Operator, "<>", 2),
            '<' when next == '=' => (TokenKind.Operator, "<=", 2),
            '<' => (TokenKind.Operator, "<", 1),
            '>' when next == '=' => (TokenKind.Operator, ">=", 2),
            '>' => (TokenKind.Operator, ">", 1),
            _ => (TokenKind.End, "", 0),
        };
    }

    // ASCII only on purpose: element codes are Latin, and a Cyrillic look-alike letter must be reported, not accepted.
    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsIdentStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';

    private static bool IsIdentPart(char c) => IsIdentStart(c) || IsDigit(c);
}
