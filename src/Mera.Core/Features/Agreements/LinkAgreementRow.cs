using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Indicators;
using Mera.Core.Features.Targets;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Agreements;

/// <summary>
/// Links a row of an agreement to a catalog indicator: its yearly values become the municipality's targets for
/// that indicator (so the plan/fact engine, dashboards and reports use them), and the agreement view shows the fact.
/// </summary>
public static class LinkAgreementRow
{
    public sealed record Command(string OrgCode, string Number, string RowNumber, string IndicatorCode, string User);

    public static async Task<int> RunAsync(MeraDb database, Command c, TimeProvider clock, CancellationToken ct = default)
    {
        int orgId;
        List<AgreementValue> cells;
        await using (var db = database.CreateContext())
        {
            var agreement = await (from a in db.Agreements.Include(x => x.Values)
                                   join o in db.OrgUnits on a.OrgUnitId equals o.Id
                                   where o.Code == c.OrgCode && a.Number == c.Number
                                   select a).SingleOrDefaultAsync(ct)
                ?? throw new NotFoundException($"Соглашение № {c.Number} организации «{c.OrgCode}» не найдено");
            var indicator = await db.Indicators.AsNoTracking().SingleOrDefaultAsync(i => i.Code == c.IndicatorCode, ct)
                ?? throw new NotFoundException($"Неизвестный показатель: {c.IndicatorCode}");
            cells = agreement.Values.Where(v => v.RowNumber == c.RowNumber.TrimEnd('.')).ToList();
            if (cells.Count == 0)
            {
                throw new NotFoundException($"В соглашении нет строки № {c.RowNumber}");
            }
            var problem = TargetRules.MeasureMismatch(indicator, Measures.FromWording(cells[0].Title))
                ?? cells.Where(v => v.Value is not null).Select(v => TargetRules.Problem(indicator, v.Value!.Value)).FirstOrDefault(p => p is not null);
            if (problem is not null)
            {
                throw new OperationRefusedException($"Строка {cells[0].RowNumber} не связана: {problem}");
            }
            cells.ForEach(v => v.IndicatorCode = c.IndicatorCode);
            orgId = agreement.OrgUnitId;
            await db.SaveChangesAsync(ct);
        }
        return await LinkedTargets.WriteAsync(database, c.OrgCode, cells, c.User, clock, ct);
    }
}
