using System.Text.RegularExpressions;

namespace Mera.Core.Formatting;

/// <summary>
/// Catalog codes in a text (a formula, an audit entry) replaced by the names people use: «educont.students.registered»
/// becomes «Учеников зарегистрировано». Pages show formulas and journal entries this way (issue 21); the CLI and JSON
/// keep the codes, which scripts need. A code without a known name is left as it is.
/// </summary>
public static partial class CodeNames
{
    public static string Replace(string text, IReadOnlyDictionary<string, string> names) =>
        string.IsNullOrEmpty(text) ? text : CodeRegex().Replace(text, m => names.TryGetValue(m.Value, out var name) ? $"«{name}»" : m.Value);

    [GeneratedRegex(@"(?<![\w.@/\-])[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+(?![\w@])")]
    private static partial Regex CodeRegex();
}
