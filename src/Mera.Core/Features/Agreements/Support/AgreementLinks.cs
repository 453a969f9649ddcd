using Mera.Core.Domain;
using Mera.Core.Reading;

namespace Mera.Core.Features.Agreements;

/// <summary>
/// Which rows of a re-imported (amended) agreement keep the indicator links of the stored one (issue 20). A row is the
/// same row when its title is the same (case, «ё», spaces and punctuation aside): an inserted row renumbers those
/// below it, and a link kept by number would then judge one result by another's plan. A row whose title changed keeps
/// its link by number, unless its old title now stands on another row. A link whose row is gone is dropped and said.
/// </summary>
internal static class AgreementLinks
{
    public sealed record Outcome(Dictionary<string, string> Codes, List<string> Notes);

    public static Outcome Carry(IEnumerable<AgreementValue> stored, IReadOnlyList<AgreementValue> incoming)
    {
        var linked = stored.Where(v => v.IndicatorCode is not null).GroupBy(v => v.RowNumber).Select(g => g.First()).ToList();
        var rows = incoming.GroupBy(v => v.RowNumber).Select(g => g.First()).ToList();
        var titles = rows.GroupBy(r => Key(r.Title)).ToDictionary(g => g.Key, g => g.Select(r => r.RowNumber).ToList());
        var codes = new Dictionary<string, string>();
        var notes = new List<string>();
        foreach (var old in linked)
        {
            var row = titles.TryGetValue(Key(old.Title), out var same) && same.Count == 1 ? same[0]
                : rows.FirstOrDefault(r => r.RowNumber == old.RowNumber && !titles.ContainsKey(Key(old.Title)))?.RowNumber;
            if (row is null || codes.ContainsKey(row))
            {
                notes.Add($"Связь строки № {old.RowNumber} «{Short(old.Title)}» с показателем {old.IndicatorCode} снята: строки нет в новой редакции.");
                continue;
            }
            codes[row] = old.IndicatorCode!;
            if (row != old.RowNumber)
            {
                notes.Add($"Строка «{Short(old.Title)}» теперь № {row} (была № {old.RowNumber}): связь с показателем {old.IndicatorCode} сохранена.");
            }
        }
        return new Outcome(codes, notes);
    }

    private static string Key(string title) => HeaderText.Normalize(title);

    private static string Short(string text) => Formatting.RussianFormat.Shortened(text, 60);
}
