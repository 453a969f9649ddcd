using Mera.Core.Domain;
using Mera.Core.Reading;

namespace Mera.Core.Features.Roadmap;

/// <summary>
/// Which stored item an item of a re-imported roadmap is (issue 20): by its number when the file numbers its items,
/// else by its title (normalised: case, «ё», spaces and punctuation do not count) and, among items of the same title,
/// its dates. Seed 004 has no numbers, so matching by position would move a «выполнено» mark to whatever activity now
/// stands in that row. What matches nothing is new; what is matched by nothing was removed from the plan.
/// </summary>
internal static class RoadmapMatching
{
    public sealed record Incoming(RoadmapItem Item, bool NumberedInFile, int Row);

    public sealed record Outcome(IReadOnlyList<(Incoming File, RoadmapItem? Stored)> Pairs, IReadOnlyList<RoadmapItem> Removed,
        IReadOnlyList<ImportIssue> Ambiguous);

    public static Outcome Match(IReadOnlyList<Incoming> file, IReadOnlyList<RoadmapItem> stored, TableData table)
    {
        var free = stored.ToList();
        var pairs = new List<(Incoming, RoadmapItem?)>();
        var ambiguous = new List<ImportIssue>();
        foreach (var incoming in file)
        {
            var candidates = incoming.NumberedInFile
                ? free.Where(s => s.Number == incoming.Item.Number).ToList()
                : free.Where(s => Key(s.Title) == Key(incoming.Item.Title)).ToList();
            if (candidates.Count > 1)
            {
                candidates = candidates.Where(s => (s.StartDate, s.EndDate) == (incoming.Item.StartDate, incoming.Item.EndDate)).ToList();
            }
            if (candidates.Count > 1)
            {
                ambiguous.Add(table.Error(incoming.Row, -1, $"мероприятие «{Short(incoming.Item.Title)}» совпадает с несколькими в "
                    + $"дорожной карте ({string.Join(", ", candidates.Select(c => $"№ {c.Number}"))}): укажите номера мероприятий в файле"));
                continue;
            }
            var match = candidates.SingleOrDefault();
            if (match is not null)
            {
                free.Remove(match);
            }
            pairs.Add((incoming, match));
        }
        return new Outcome(pairs, free, ambiguous);
    }

    private static string Key(string title) => HeaderText.Normalize(title);

    public static string Short(string title) => Formatting.RussianFormat.Shortened(title, 60);
}
