using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Orgs;
using Mera.Core.Reading;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Imports;

/// <summary>
/// A platform export filtered «by municipality» still arrives with other municipalities' rows (seed 000 §5 **):
/// a row belongs to the import when its «Муниципалитет» names a municipality of the chosen subtree. Names are
/// compared by their significant words, so «Сергокалинский район» matches «МР «Сергокалинский район»» while
/// «Камский район» does not match «Нижнекамский муниципальный район».
/// </summary>
public sealed class MunicipalityFilter
{
    private static readonly HashSet<string> Generic =
    [
        "район", "муниципальный", "муниципальное", "образование", "городской", "округ", "город", "г", "мр", "го", "мо",
        "поселение", "сельское", "городское", "административный", "области", "область", "края", "республики",
    ];

    private readonly List<HashSet<string>> _names;
    private readonly Dictionary<string, bool> _seen = [];

    private MunicipalityFilter(List<HashSet<string>> names) => _names = names;

    private static HashSet<string> Words(string? text) =>
        new string((text ?? "").Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.ToLowerInvariant().Replace('ё', 'е'))
            .Where(w => !Generic.Contains(w))
            .ToHashSet();

    public static async Task<MunicipalityFilter?> LoadAsync(MeraDbContext db, OrgRef? scope, CancellationToken ct)
    {
        if (scope is null || scope.Type > OrgUnitType.Municipality)
        {
            return null;
        }
        var units = await db.OrgUnits.AsNoTracking()
            .Where(o => o.Type == OrgUnitType.Municipality && o.Path.StartsWith(scope.Path))
            .Select(o => new { o.Name, o.ShortName })
            .ToListAsync(ct);
        return FromNames(units.SelectMany(u => new[] { u.Name, u.ShortName }));
    }

    public static MunicipalityFilter FromNames(IEnumerable<string?> names) =>
        new(names.Select(Words).Where(w => w.Count > 0).ToList());

    /// <summary>True when the cell is empty (nothing to compare) or names a municipality of the subtree.</summary>
    public bool Accepts(string cell)
    {
        var key = HeaderText.Normalize(cell);
        if (key.Length == 0)
        {
            return true;
        }
        if (!_seen.TryGetValue(key, out var accepted))
        {
            var words = Words(cell);
            accepted = words.Count > 0 && _names.Any(n => n.IsSubsetOf(words) || words.IsSubsetOf(n));
            _seen[key] = accepted;
        }
        return accepted;
    }
}
