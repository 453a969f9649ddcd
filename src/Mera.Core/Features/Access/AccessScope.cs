using Mera.Core.Data;
using Mera.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Access;

/// <summary>
/// What a signed-in user may reach: the subtree of the org unit they are bound to (by its materialised path),
/// and what their role may do there. Every page, API endpoint and download asks this before touching data.
/// </summary>
public sealed record AccessScope(string UserId, string Login, string FullName, string Role, int OrgId, string OrgCode,
    string OrgName, string OrgPath, OrgUnitType OrgType)
{
    public bool Sees(string orgPath) => orgPath.StartsWith(OrgPath, StringComparison.Ordinal);

    public bool Sees(OrgUnit org) => Sees(org.Path);

    public bool EntersDataFor(OrgUnit org) => Sees(org) && org.IsReportingUnit && Roles.EntersData(Role);

    /// <summary>Accept/return a school's form: the municipality above it (or the region/admin over it), never the school itself.</summary>
    public bool Reviews(OrgUnit org) => Sees(org) && Roles.ReviewsSubmissions(Role) && org.Id != OrgId;

    public bool Imports(OrgUnit org) => Sees(org) && Roles.Imports(Role);

    public static async Task<AccessScope?> LoadAsync(MeraDbContext db, string userId, CancellationToken ct)
    {
        var row = await (from u in db.Users.AsNoTracking()
                         join o in db.OrgUnits.AsNoTracking() on u.OrgUnitId equals o.Id
                         where u.Id == userId
                         select new { UserId = u.Id, u.UserName, u.FullName, u.Role, OrgId = o.Id, o.Code, o.Name, o.Path, o.Type }).SingleOrDefaultAsync(ct);
        return row is null ? null
            : new AccessScope(row.UserId, row.UserName ?? "", row.FullName, row.Role, row.OrgId, row.Code, row.Name, row.Path, row.Type);
    }
}
