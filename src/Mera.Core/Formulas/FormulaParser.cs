using System.Diagnostics.CodeAnalysis;

namespace Mera.Core.Formulas;

/// <summary>Entry point for turning indicator formula text into a <see cref="Formula"/>.</summary>
public static class FormulaParser
{
    /// <exception cref="FormulaSyntaxException">The text is not a valid formula.</exception>
    public static Formula Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var root = new RecursiveParser(FormulaLexer.Tokenize(text)).ParseFormula();
        return new Formula(text, root);
    }

    /// <summary>Validation-friendly variant for editors: never throws on bad input, null counts as empty.</summary>
    public static bool TryParse(
        string text,
        [NotNullWhen(true)] out Formula? formula,
        [NotNullWhen(false)] out FormulaSyntaxException? error)
    {
        try
        {
            formula = Parse(text ?? string.Empty);
            error = null;
            return true;
        }
        catch (FormulaSyntaxException ex)
        {
            formula = null;
            error = ex;
            return false;
        }
    }
}
