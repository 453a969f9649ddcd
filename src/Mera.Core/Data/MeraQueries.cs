using Mera.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Data;

/// <summary>Queries several features share, written once.</summary>
public static class MeraQueries
{
    /// <summary>The schools and branches of an org's subtree (its materialised path is an indexed prefix).</summary>
    public static IQueryable<OrgUnit> ReportingUnitsUnder(this IQueryable<OrgUnit> units, OrgUnit root) =>
        units.Where(o => o.Path.StartsWith(root.Path) && (o.Type == OrgUnitType.School || o.Type == OrgUnitType.Branch));

    /// <summary>The forms schools fill themselves (not imports, not municipal summaries), in catalog order.</summary>
    public static async Task<List<Form>> SchoolFormsAsync(this MeraDbContext db, CancellationToken ct) =>
        (await db.Forms.AsNoTracking().Where(f => f.Supplier == "school").OrderBy(f => f.Id).ToListAsync(ct))
            .Where(f => f.Elements.Count > 0).ToList();
}
