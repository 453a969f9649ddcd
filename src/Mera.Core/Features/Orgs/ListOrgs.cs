using Mera.Core.Data;
using Mera.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Orgs;

/// <summary>Org units as pages and the API list them: a unit's children, its ancestors inside a scope (a breadcrumb),
/// the municipalities of a subtree.</summary>
public static class ListOrgs
{
    public static async Task<IReadOnlyList<OrgUnit>> ChildrenAsync(MeraDb database, int parentId, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        return await db.OrgUnits.AsNoTracking().Where(o => o.ParentId == parentId).OrderBy(o => o.Name).ToListAsync(ct);
    }

    /// <summary>The unit and its ancestors that lie inside `scopePath`, top first.</summary>
    public static async Task<IReadOnlyList<OrgUnit>> TrailAsync(MeraDb database, OrgUnit unit, string scopePath, CancellationToken ct = default)
    {
        var ids = unit.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
        await using var db = database.CreateContext();
        var units = await db.OrgUnits.AsNoTracking().Where(o => ids.Contains(o.Id)).ToListAsync(ct);
        return units.Where(u => u.Path.StartsWith(scopePath, StringComparison.Ordinal)).OrderBy(u => u.Path.Length).ToList();
    }

    public static async Task<IReadOnlyList<OrgUnit>> MunicipalitiesAsync(MeraDb database, OrgUnit root, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        return await db.OrgUnits.AsNoTracking().Where(o => o.Path.StartsWith(root.Path) && o.Type == OrgUnitType.Municipality)
            .OrderBy(o => o.Name).ToListAsync(ct);
    }
}
