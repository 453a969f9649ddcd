using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Targets;

namespace Mera.Core.Features.Agreements;

/// <summary>
/// A linked agreement row's plan is its indicator's target (ADR 0022): linking a row and re-importing the agreement
/// both write the linked cells' values as the org's targets, so a report's plan and the plan its status was judged
/// against stay one number.
/// </summary>
internal static class LinkedTargets
{
    /// <returns>How many cells with a value became targets.</returns>
    public static async Task<int> WriteAsync(MeraDb database, string orgCode, IEnumerable<AgreementValue> cells, string user, TimeProvider clock,
        CancellationToken ct)
    {
        var written = 0;
        foreach (var cell in cells.Where(v => v.IndicatorCode is not null && v.Value is not null))
        {
            await SetTargets.RunAsync(database, new SetTargets.Command(orgCode, cell.IndicatorCode!, cell.Year, cell.Value!.Value, User: user), clock, ct);
            written++;
        }
        return written;
    }
}
