namespace Mera.Core.Reading;

public enum IssueSeverity { Error, Warning }

/// <summary>One problem in an input file, located by file, sheet, row and column, explained in Russian.</summary>
public sealed record ImportIssue(IssueSeverity Severity, string File, int? Row, string? Column, string Message, string? Sheet = null)
{
    public override string ToString()
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
            where += $", столбец «{ColumnLabel(Column)}»";
        }
        return $"{where}: {Message}";
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
