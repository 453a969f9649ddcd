using System.Text;
using Mera.Core.Domain;

namespace Mera.Core.Features.Targets;

/// <summary>
/// Finds the catalog indicator a printed title names (issue 20: seed 004 writes «100Мб/c» and «территорииОренбургской»
/// where the catalog says «100 Мбит/с»). Exact wording never matches, so the comparison is of words:
/// <list type="bullet">
/// <item>glued words are split (a lower-case letter before a capital, a digit beside a letter), «ё» is «е», and each
/// word is cut to its first five letters — Russian endings vary, stems do not;</item>
/// <item>the subject must agree: a share of pupils is never a share of teachers or of organisations, and a share
/// («Доля») never a count («Численность»);</item>
/// <item>words are weighted by how rare they are in the catalog (every title says «цифровой образовательной среды»),
/// and the weighted Dice coefficient of the two word sets is the score.</item>
/// </list>
/// A title matches when the best score reaches <see cref="Threshold"/> and leads the next by <see cref="Margin"/>;
/// otherwise the user maps it or adds the indicator. The dry run shows every match, so a wrong one is seen.
/// </summary>
internal sealed class IndicatorTitleMatcher
{
    public const double Threshold = 0.33;
    public const double Margin = 0.05;

    public sealed record Candidate(Indicator Indicator, double Score);

    private static readonly HashSet<string> StopWords =
    [
        "в", "и", "на", "с", "по", "для", "не", "менее", "более", "из", "к", "от", "а", "также", "о", "об", "за", "или",
        "при", "до", "со", "их", "том", "числе", "которых", "которым", "доля", "процент", "количество", "численность",
    ];

    /// <summary>Stems that name who is counted: the first of them in a title is its subject.</summary>
    private static readonly (string Subject, string[] Stems)[] Subjects =
    [
        ("pupils", ["обуча", "учащи", "учени", "детей"]),
        ("teachers", ["педаг", "учите", "препо"]),
        ("municipalities", ["муниц"]),
        ("organisations", ["орган", "школ", "общео"]),
    ];

    private readonly IReadOnlyList<(Indicator Indicator, HashSet<string> Words, string? Subject)> _catalog;
    private readonly Dictionary<string, double> _weight;

    public IndicatorTitleMatcher(IEnumerable<Indicator> indicators)
    {
        _catalog = indicators.Select(i => (i, Words(i.Name).ToHashSet(), Subject(i.Name))).ToList();
        var documents = _catalog.Count + 1.0;
        _weight = _catalog.SelectMany(c => c.Words).GroupBy(w => w)
            .ToDictionary(g => g.Key, g => Math.Log(documents / (g.Count() + 0.5)));
    }

    /// <summary>The indicator the title names, or null, with the best candidates (for the message either way).</summary>
    public (Indicator? Match, IReadOnlyList<Candidate> Best) Match(string title)
    {
        var words = Words(title).ToHashSet();
        var subject = Subject(title);
        var measure = Measures.FromWording(title);
        var ranked = _catalog
            .Where(c => c.Subject == subject && (measure is null || Measures.Of(c.Indicator) == measure))
            .Select(c => new Candidate(c.Indicator, Score(words, c.Words)))
            .OrderByDescending(c => c.Score).Take(3).ToList();
        var best = ranked.FirstOrDefault();
        var next = ranked.Skip(1).FirstOrDefault()?.Score ?? 0;
        return (best is not null && best.Score >= Threshold && best.Score - next >= Margin ? best.Indicator : null, ranked);
    }

    private double Score(HashSet<string> a, HashSet<string> b)
    {
        double Weight(string w) => _weight.GetValueOrDefault(w, Math.Log(_catalog.Count + 1.0) + 1);
        var total = a.Sum(Weight) + b.Sum(Weight);
        return total == 0 ? 0 : 2 * a.Intersect(b).Sum(Weight) / total;
    }

    private static string? Subject(string title) =>
        Words(title).Take(3).Select(w => Subjects.FirstOrDefault(s => s.Stems.Contains(w)).Subject).FirstOrDefault(s => s is not null);

    /// <summary>The title's stems: glued words split, lower case, «ё» as «е», stop words out, five letters each.</summary>
    public static IEnumerable<string> Words(string title)
    {
        var text = new StringBuilder(title.Length + 16);
        for (var i = 0; i < title.Length; i++)
        {
            var c = title[i];
            if (i > 0 && (char.IsLower(title[i - 1]) && char.IsUpper(c) || char.IsDigit(title[i - 1]) != char.IsDigit(c) && char.IsLetterOrDigit(c)
                    && char.IsLetterOrDigit(title[i - 1])))
            {
                text.Append(' ');
            }
            text.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) == 'ё' ? 'е' : char.ToLowerInvariant(c) : ' ');
        }
        return text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !StopWords.Contains(w))
            .Select(w => w.Length > 5 ? w[..5] : w);
    }
}
