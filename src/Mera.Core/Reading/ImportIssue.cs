namespace Mera.Core.Reading;

public enum IssueSeverity { Error, Warning }

/// <summary>One problem in an input file, located by file, sheet, row and column, explained in Russian.</summary>
/// <param name="Operands">For a rule between values: the values it compared, by element code. The CLI names them by
/// code (<see cref="Text"/>); a page by name (<see cref="TextWith"/>), so no code reaches a school's screen.</param>
public sealed record ImportIssue(IssueSeverity Severity, string File, int? Row, string? Column, string Message, string? Sheet = null,
    IReadOnlyList<ImportIssue.Operand>? Operands = null)
{
    public sealed record Operand(string Code, double Value);

    /// <summary>The message with the compared values named by code: «… (openschool.students.inactive = 500, …)».</summary>
    public string Text => TextWith(code => code, ", ");

    /// <summary>The message with the compared values named by <paramref name="nameOf"/>.</summary>
    public string TextWith(Func<string, string> nameOf, string separator = "; ") => Operands is not { Count: > 0 } ? Message
        : $"{Message} ({string.Join(separator, Operands.Select(o => $"{nameOf(o.Code)} = {Formatting.RussianFormat.Number(o.Value)}"))})";

    public override string ToString() => $"{Where(code => code)}: {Text}";

    /// <summary>For a page: the compared values and a rule's column named by <paramref name="nameOf"/>, not by code.</summary>
    public string Describe(Func<string, string> nameOf) => $"{Where(nameOf)}: {TextWith(nameOf)}";

    private string Where(Func<string, string> nameOf)
    {
        var where = File;
        if (!string.IsNullOrEmpty(Sheet))
        {
            // A Word document's tables are named «таблица 2»; a workbook's sheets by their own names.
            where += Sheet.StartsWith("таблица ", StringComparison.Ordinal) ? $", {Sheet}" : $", лист «{Sheet}»";
        }
        if (Row is int r)
        {
            where += $", строка {r}";
        }
        if (!string.IsNullOrEmpty(Column))
        {
            // A rule's column is an element's code: named like the values it compared.
            var column = Operands?.Any(o => o.Code == Column) == true ? nameOf(Column) : ColumnLabel(Column);
            where += $", столбец «{column}»";
        }
        return where;
    }

    /// <summary>Headers copied from the seeds carry line breaks and hyphens; show them on one line.</summary>
    private static string ColumnLabel(string column) =>
        string.Join(' ', column.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

/// <summary>The whole file is refused: nothing was written. Carries every error, not just the first.</summary>
public class ImportRefusedException(IReadOnlyList<ImportIssue> issues)
    : Exception($"Файл отклонён: ошибок — {issues.Count(i => i.Severity == IssueSeverity.Error)}")
{
    public IReadOnlyList<ImportIssue> Issues { get; } = issues;

    public static ImportRefusedException Of(string file, string message) =>
        new([new ImportIssue(IssueSeverity.Error, file, null, null, message)]);
}
