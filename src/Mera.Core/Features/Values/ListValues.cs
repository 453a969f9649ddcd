using Mera.Core.Data;
using Mera.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Values;

/// <summary>GET /api/v1/datavalues and /elements: the stored values of a subtree for a period, with their provenance,
/// and the catalog's elements as scripts need them.</summary>
public static class ListValues
{
    public sealed record Item(string Org, string Element, string Period, double Value, string? Comment, string Source, string? SourceFile,
        string? ChangedBy, DateTimeOffset ChangedAt);

    public sealed record ElementItem(string Code, string Name, string Unit, string ValueType, string PeriodType, string TimeAggregation);

    public const int Limit = 100_000;

    public static async Task<IReadOnlyList<Item>> RunAsync(MeraDb database, OrgUnit root, Period period, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var rows = await (from v in db.DataValues.AsNoTracking()
                          join o in db.OrgUnits.AsNoTracking() on v.OrgUnitId equals o.Id
                          join e in db.DataElements.AsNoTracking() on v.ElementId equals e.Id
                          where o.Path.StartsWith(root.Path) && v.PeriodCode == period.Code
                          orderby o.Code, e.Code
                          select new { Org = o.Code, Element = e.Code, v.PeriodCode, v.Value, v.Comment, v.Source, v.SourceFile, v.ChangedBy, v.ChangedAt })
            .Take(Limit).ToListAsync(ct);
        return rows.Select(r => new Item(r.Org, r.Element, r.PeriodCode, r.Value, r.Comment, r.Source.ToString().ToLowerInvariant(), r.SourceFile,
            r.ChangedBy, r.ChangedAt)).ToList();
    }

    public static async Task<IReadOnlyList<ElementItem>> ElementsAsync(MeraDb database, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var elements = await db.DataElements.AsNoTracking().OrderBy(e => e.Code).ToListAsync(ct);
        return elements.Select(e => new ElementItem(e.Code, e.Name, e.Unit, e.ValueType.ToString().ToLowerInvariant(),
            e.PeriodType.ToString().ToLowerInvariant(), e.TimeAggregation.ToString().ToLowerInvariant())).ToList();
    }
}
