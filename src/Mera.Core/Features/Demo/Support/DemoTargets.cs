using Mera.Core.Data;
using Mera.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Demo;

/// <summary>Yearly targets like seed 002: the agreement's values for each district, «не менее 70 %» in each school.</summary>
internal static class DemoTargets
{
    private static readonly (string Indicator, double Previous, double Current)[] _municipal =
    [
        ("cos.orgs.equipped", 5.7, 12), ("cos.students.access", 20, 45), ("cos.teachers.using", 40, 60),
        ("cos.orgs.using", 30, 80), ("cos.orgs.internet", 70, 85), ("cos.teachers.trained", 40, 55),
        ("dm.students.profile", 60, 75), ("dm.teachers.content", 60, 75), ("dm.students.content", 50, 65),
        ("mm10.schools.icop", 90, 100),
    ];

    public static async Task<int> UpsertAsync(MeraDbContext db, OrgUnit region, IReadOnlyList<OrgUnit> schools,
        IReadOnlyList<OrgUnit> municipalities, DateOnly today, TimeProvider clock, CancellationToken ct)
    {
        var existing = await db.Targets.Select(t => new { t.OrgUnitId, t.IndicatorCode, t.Year }).ToListAsync(ct);
        var known = existing.Select(t => (t.OrgUnitId, t.IndicatorCode, t.Year)).ToHashSet();
        var added = 0;
        void Add(OrgUnit org, string indicator, int year, double value)
        {
            if (known.Add((org.Id, indicator, year)))
            {
                db.Targets.Add(new Target { OrgUnitId = org.Id, IndicatorCode = indicator, Year = year, Value = value, UpdatedAt = clock.GetUtcNow(), UpdatedBy = "demo" });
                added++;
            }
        }
        foreach (var (indicator, previous, current) in _municipal)
        {
            foreach (var m in municipalities.Where(m => m.ParentId == region.Id))
            {
                Add(m, indicator, today.Year - 1, previous);
                Add(m, indicator, today.Year, current);
            }
        }
        foreach (var school in schools)
        {
            Add(school, "cos.teachers.using", today.Year, 70);
            Add(school, "dm.students.profile", today.Year, 70);
        }
        await db.SaveChangesAsync(ct);
        return added;
    }
}
