using Mera.Core.Domain;

namespace Mera.Core.Features.Orgs;

/// <summary>Rebuilds materialised paths from parent links, so a unit moved to another parent moves its subtree too.</summary>
public static class OrgPaths
{
    public static void Recompute(IEnumerable<OrgUnit> units)
    {
        var byId = units.Where(u => u.Id != 0).ToDictionary(u => u.Id);
        var memo = new Dictionary<int, string>();
        string PathOf(OrgUnit unit, int depth)
        {
            if (memo.TryGetValue(unit.Id, out var known))
            {
                return known;
            }
            var parentPath = unit.ParentId is int p && depth < 16 && byId.TryGetValue(p, out var parent) ? PathOf(parent, depth + 1) : "/";
            return memo[unit.Id] = parentPath + unit.Id + "/";
        }
        foreach (var unit in byId.Values)
        {
            var path = PathOf(unit, 0);
            if (unit.Path != path)
            {
                unit.Path = path;
            }
        }
    }
}
