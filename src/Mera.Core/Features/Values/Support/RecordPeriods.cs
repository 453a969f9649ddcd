using Mera.Core.Data;
using Mera.Core.Domain;

namespace Mera.Core.Features.Values;

/// <summary>
/// The distinct periods of a write's values. A file names one period for many rows in a row: comparing with the
/// previous row spares hashing each of half a million periods (a sixth of a second, twice, in a national import).
/// </summary>
internal static class RecordPeriods
{
    public static HashSet<Period> Of(IEnumerable<ValueRecord> records)
    {
        var periods = new HashSet<Period>();
        Period? last = null;
        foreach (var record in records)
        {
            if (record.Period != last)
            {
                periods.Add(record.Period);
                last = record.Period;
            }
        }
        return periods;
    }
}
