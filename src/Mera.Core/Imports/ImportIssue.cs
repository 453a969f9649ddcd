namespace Mera.Core.Imports;

public enum IssueSeverity { Error, Warning }

/// <summary>One problem in an input file, located by file, row and column, explained in Russian.</summary>
public sealed record ImportIssue(IssueSeverity Severity, string File, int? Row, string? Column, string Message)
{
    public override string ToString()
    {
        var where = File;
        if (Row is int r)
        {
            where += $", строка {r}";
        }
        if (!string.IsNullOrEmpty(Column))
        {
            where += $", столбец «{Column}»";
        }
        return $"{where}: {Message}";
    }
}

/// <summary>The whole file is refused: nothing was written. Carries every error, not just the first.</summary>
public sealed class ImportRefusedException(IReadOnlyList<ImportIssue> issues)
    : Exception($"Файл отклонён: ошибок — {issues.Count(i => i.Severity == IssueSeverity.Error)}")
{
    public IReadOnlyList<ImportIssue> Issues { get; } = issues;
}
