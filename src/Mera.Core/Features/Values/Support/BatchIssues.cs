using Mera.Core.Reading;

namespace Mera.Core.Features.Values;

/// <summary>The notes and warnings of a batch as stored text: one per line, capped so a noisy file stays small.</summary>
public static class BatchIssues
{
    private const int MaxLines = 1000;

    public static string? Serialize(IReadOnlyList<string> notes, IReadOnlyList<ImportIssue> warnings)
    {
        var lines = notes.Concat(warnings.Select(w => "Предупреждение: " + w)).ToList();
        if (lines.Count == 0)
        {
            return null;
        }
        var kept = lines.Take(MaxLines).Select(l => l.ReplaceLineEndings(" ")).ToList();
        if (lines.Count > MaxLines)
        {
            kept.Add($"… и ещё {lines.Count - MaxLines}");
        }
        return string.Join('\n', kept);
    }

    public static IReadOnlyList<string> Parse(string? stored) =>
        string.IsNullOrEmpty(stored) ? [] : stored.Split('\n');
}
