using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Reading;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Orgs;

/// <summary>
/// Finds the school a row of a platform export is about: INN (numbers lose the leading zero), narrowed by KPP,
/// code and name when branches share it; without an INN by code, then by normalised name. It never guesses:
/// an ambiguous or unknown school comes back with the Russian reason, and a school outside the scope is named.
/// </summary>
public sealed class SchoolMatcher
{
    private readonly OrgRef? _scope;
    private readonly Dictionary<string, List<Candidate>> _byInn = [];
    private readonly Dictionary<string, Candidate> _byCode = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<Candidate>> _byName = [];

    private sealed record Candidate(OrgRef Org, string NameKey, string? ShortNameKey);

    private SchoolMatcher(OrgRef? scope, IEnumerable<(OrgRef Org, string? ShortName)> units)
    {
        _scope = scope;
        foreach (var (org, shortName) in units)
        {
            var c = new Candidate(org, HeaderText.Normalize(org.Name), shortName is null ? null : HeaderText.Normalize(shortName));
            _byCode[org.Code] = c;
            if (org.Inn is not null)
            {
                Add(_byInn, org.Inn, c);
            }
            Add(_byName, c.NameKey, c);
            if (c.ShortNameKey is { Length: > 0 } s && s != c.NameKey)
            {
                Add(_byName, s, c);
            }
        }
    }

    public static async Task<SchoolMatcher> LoadAsync(MeraDbContext db, OrgRef? scope, CancellationToken ct)
    {
        var units = await db.OrgUnits.AsNoTracking()
            .Where(o => o.Type == OrgUnitType.School || o.Type == OrgUnitType.Branch)
            .Select(o => new { Ref = new OrgRef(o.Id, o.Code, o.Name, o.Type, o.Path, o.Inn, o.Kpp), o.ShortName })
            .ToListAsync(ct);
        return new SchoolMatcher(scope, units.Select(u => (u.Ref, u.ShortName)));
    }

    /// <summary>The school for the row's identifying cells (any may be empty), or null with the reason.</summary>
    public OrgRef? Find(string? inn, string? kpp, string? code, string? name, out string? problem)
    {
        problem = null;
        var nameKey = HeaderText.Normalize(name);
        List<Candidate> candidates;
        string identified;
        if (Inn.Normalize(inn) is { } innKey && innKey.All(char.IsAsciiDigit))
        {
            identified = $"ИНН {innKey}";
            candidates = _byInn.GetValueOrDefault(innKey) ?? [];
            candidates = Narrow(candidates, c => !string.IsNullOrWhiteSpace(kpp) && c.Org.Kpp == kpp.Trim());
            candidates = Narrow(candidates, c => !string.IsNullOrWhiteSpace(code) && string.Equals(c.Org.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));
            candidates = Narrow(candidates, c => nameKey.Length > 0 && (c.NameKey == nameKey || c.ShortNameKey == nameKey));
            // Branches share their school's INN: a row that names none of them is the school's own.
            candidates = Narrow(candidates, c => c.Org.Type == OrgUnitType.School);
        }
        else if (!string.IsNullOrWhiteSpace(code) && _byCode.TryGetValue(code.Trim(), out var byCode))
        {
            identified = $"код {code.Trim()}";
            candidates = [byCode];
        }
        else if (nameKey.Length > 0)
        {
            identified = $"наименование «{name!.Trim()}»";
            candidates = _byName.GetValueOrDefault(nameKey) ?? [];
        }
        else
        {
            problem = "не указаны ни ИНН, ни код, ни наименование школы";
            return null;
        }
        var inScope = _scope is null ? candidates : candidates.Where(c => c.Org.IsInside(_scope)).ToList();
        if (inScope.Count == 1)
        {
            return inScope[0].Org;
        }
        problem = inScope.Count > 1
            ? $"{identified}: найдено несколько организаций ({string.Join(", ", inScope.Select(c => c.Org.Code))}) — уточните КПП или код"
            : candidates.Count > 0
                ? $"{identified}: организация «{candidates[0].Org.Code}» не входит в «{_scope!.Name}»"
                : $"{identified}: школа не найдена в реестре";
        return null;
    }

    private static List<Candidate> Narrow(List<Candidate> candidates, Func<Candidate, bool> test)
    {
        if (candidates.Count <= 1)
        {
            return candidates;
        }
        var narrowed = candidates.Where(test).ToList();
        return narrowed.Count > 0 ? narrowed : candidates;
    }

    private static void Add(Dictionary<string, List<Candidate>> map, string key, Candidate c)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }
        list.Add(c);
    }
}
