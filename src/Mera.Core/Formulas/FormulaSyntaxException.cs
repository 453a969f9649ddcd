namespace Mera.Core.Formulas;

/// <summary>
/// A formula could not be parsed. <see cref="Position"/> is a 0-based index into the text;
/// the message shows it 1-based because methodologists count characters from one.
/// </summary>
public sealed class FormulaSyntaxException : Exception
{
    public FormulaSyntaxException(int position, string reason)
        : base($"Ошибка в формуле в позиции {position + 1}: {reason}")
    {
        Position = position;
        Reason = reason;
    }

    /// <summary>0-based character index in the formula text where the problem was found.</summary>
    public int Position { get; }

    /// <summary>The message without the position prefix, for UIs that highlight the position themselves.</summary>
    public string Reason { get; }

    internal static FormulaSyntaxException Empty() =>
        new(0, "формула пуста");

    internal static FormulaSyntaxException UnexpectedCharacter(int position, char c) =>
        new(position, $"недопустимый символ \"{c}\"");

    // Operators and brackets read as "символ"; names and numbers, even one letter long, as "фрагмент".
    internal static FormulaSyntaxException UnexpectedToken(int position, string text, bool isWord) =>
        new(position, isWord ? $"неожиданный фрагмент \"{text}\"" : $"неожиданный символ \"{text}\"");

    internal static FormulaSyntaxException UnexpectedEnd(int position) =>
        new(position, "неожиданный конец формулы");

    internal static FormulaSyntaxException MissingClosingParen(int position) =>
        new(position, "ожидалась закрывающая скобка \")\"");

    internal static FormulaSyntaxException UnknownFunction(int position, string name) =>
        new(position, $"неизвестная функция \"{name}\" (доступны min, max, if)");

    internal static FormulaSyntaxException ArgumentCount(int position, string name, string expected) =>
        new(position, $"функция {name} принимает {expected}");

    internal static FormulaSyntaxException UnknownOrgAttribute(int position, string name) =>
        new(position, $"неизвестный атрибут организации \"{name}\" (доступен только org.is_rural)");

    internal static FormulaSyntaxException ChainedComparison(int position) =>
        new(position, "сравнения нельзя записывать цепочкой, используйте and");
}
