using Mera.Core.Data;
using Mera.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Templates;

/// <summary>What a template is pre-filled with: the school's stored values for the period and for the one before.</summary>
internal sealed class TemplateValues
{
    private readonly Dictionary<(int Org, string Element, string Period), double> _values = [];
    private readonly IReadOnlyList<DataElement> _elements;
    private readonly Period _period;

    private TemplateValues(IReadOnlyList<DataElement> elements, Period period)
    {
        _elements = elements;
        _period = period;
    }

    public static async Task<TemplateValues> LoadAsync(MeraDbContext db, IReadOnlyList<int> orgIds, IReadOnlyList<DataElement> elements,
        Period period, CancellationToken ct)
    {
        var result = new TemplateValues(elements, period);
        var ids = elements.Select(e => e.Id).ToList();
        var codes = elements.SelectMany(e => new[] { period.ContainerOf(e.PeriodType).Code, period.Previous().ContainerOf(e.PeriodType).Code }).Distinct().ToList();
        var orgs = orgIds.ToHashSet();
        var byId = elements.ToDictionary(e => e.Id, e => e.Code);
        var rows = await db.DataValues.AsNoTracking()
            .Where(v => ids.Contains(v.ElementId) && codes.Contains(v.PeriodCode))
            .Select(v => new { v.OrgUnitId, v.ElementId, v.PeriodCode, v.Value })
            .ToListAsync(ct);
        foreach (var r in rows.Where(r => orgs.Contains(r.OrgUnitId)))
        {
            result._values[(r.OrgUnitId, byId[r.ElementId], r.PeriodCode)] = r.Value;
        }
        return result;
    }

    public IReadOnlyDictionary<string, double> Current(int org) => For(org, _period);

    public IReadOnlyDictionary<string, double> Previous(int org) => For(org, _period.Previous());

    private Dictionary<string, double> For(int org, Period period) =>
        _elements.Where(e => _values.ContainsKey((org, e.Code, period.ContainerOf(e.PeriodType).Code)))
            .ToDictionary(e => e.Code, e => _values[(org, e.Code, period.ContainerOf(e.PeriodType).Code)]);
}
