using Mera.Core.Data;
using Mera.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Targets;

/// <summary>
/// «План»: the indicators and a unit's targets for some years, and who may set them (decided here, not in the page):
/// the region plans for its municipalities, a municipality for its schools — one by one or as a rule for each
/// school; an admin anywhere.
/// </summary>
public static class ListTargets
{
    public sealed record Result(IReadOnlyList<Indicator> Indicators, IReadOnlyDictionary<(string Indicator, int Year), Target> Plans,
        bool MaySetOwn, bool MaySetSchools);

    public static async Task<Result> RunAsync(MeraDb database, Access.AccessScope scope, OrgUnit unit, IReadOnlyList<int> years,
        CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var indicators = await db.Indicators.AsNoTracking().OrderBy(i => i.SortOrder).ToListAsync(ct);
        var plans = (await db.Targets.AsNoTracking().Where(t => t.OrgUnitId == unit.Id && years.Contains(t.Year)).ToListAsync(ct))
            .ToDictionary(t => (t.IndicatorCode, t.Year));
        return new Result(indicators, plans, MaySetOwn(scope, unit), MaySetSchools(scope, unit));
    }

    public static bool MaySetOwn(Access.AccessScope scope, OrgUnit unit) =>
        scope.Role == Roles.Admin
        || scope.Role == Roles.Region && unit.Type == OrgUnitType.Municipality && scope.Sees(unit)
        || scope.Role == Roles.Municipality && unit.IsReportingUnit && scope.Sees(unit);

    public static bool MaySetSchools(Access.AccessScope scope, OrgUnit unit) =>
        scope.Role is Roles.Admin or Roles.Municipality && unit.Type == OrgUnitType.Municipality && scope.Sees(unit);
}
