using Mera.Core.Data;
using Mera.Core.Engine;
using Mera.Core.Features.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Agreements;

/// <summary>The agreement table with, for rows linked to an indicator, the fact of each year and its status.</summary>
public static class ShowAgreement
{
    /// <summary>`Result` is the engine's row for a linked indicator and a year that has begun (null otherwise): the
    /// plan, fact and status every page and report print for that cell.</summary>
    public sealed record Cell(int Year, double? Plan, string? Note, IndicatorResult? Result = null)
    {
        public double? Fact => Result?.Fact;

        public string Status => Result?.Status ?? PlanFact.NoTarget;
    }

    public sealed record Row(string Project, string Number, string Title, string? Indicator, IReadOnlyList<Cell> Cells);

    public sealed record Result(string Number, DateOnly Date, string? Parties, IReadOnlyList<int> Years, IReadOnlyList<Row> Rows);

    /// <summary>The numbers of an org's agreements, the latest first.</summary>
    public static async Task<IReadOnlyList<string>> NumbersAsync(MeraDb database, int orgId, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        return await db.Agreements.AsNoTracking().Where(a => a.OrgUnitId == orgId).OrderByDescending(a => a.Date).Select(a => a.Number).ToListAsync(ct);
    }

    public static async Task<Result> RunAsync(MeraDb database, string orgCode, string number, DateOnly asOf, CancellationToken ct = default)
    {
        Domain.Agreement agreement;
        await using (var db = database.CreateContext())
        {
            agreement = await (from a in db.Agreements.AsNoTracking().Include(x => x.Values)
                               join o in db.OrgUnits on a.OrgUnitId equals o.Id
                               where o.Code == orgCode && a.Number == number
                               select a).SingleOrDefaultAsync(ct)
                ?? throw new NotFoundException($"Соглашение № {number} организации «{orgCode}» не найдено");
        }
        var years = agreement.Values.Select(v => v.Year).Distinct().Order().ToList();
        var facts = new Dictionary<(string Indicator, int Year), IndicatorResult>();
        foreach (var year in years.Where(y => y <= asOf.Year))
        {
            var linked = agreement.Values.Where(v => v.IndicatorCode is not null).Select(v => v.IndicatorCode!).Distinct().ToList();
            if (linked.Count == 0)
            {
                break;
            }
            var rows = await ComputeIndicators.RunAsync(database, new ComputeIndicators.Query(orgCode, year.ToString(), Indicators: linked, AsOf: asOf), ct);
            foreach (var r in rows)
            {
                facts[(r.Indicator, year)] = r;
            }
        }
        var result = agreement.Values.GroupBy(v => v.RowNumber).OrderBy(g => g.Min(v => v.SortOrder)).Select(g =>
        {
            var first = g.First();
            var cells = years.Select(y =>
            {
                var v = g.FirstOrDefault(x => x.Year == y);
                var fact = first.IndicatorCode is { } code && facts.TryGetValue((code, y), out var f) ? f : null;
                return new Cell(y, fact?.Target ?? v?.Value, v?.Note, fact);
            }).ToList();
            return new Row(first.Project, first.RowNumber, first.Title, first.IndicatorCode, cells);
        }).ToList();
        return new Result(agreement.Number, agreement.Date, agreement.Parties, years, result);
    }
}
