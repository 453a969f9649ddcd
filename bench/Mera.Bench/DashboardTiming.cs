using System.Diagnostics;
using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Indicators;

namespace Mera.Bench;

/// <summary>
/// `dashboard --db FILE --org CODE --period P [--repeat 5]`: the computation behind one dashboard page — every
/// indicator for the org and its children with targets, plus five earlier periods for the trend — in-process,
/// so the figure is the engine's and not the CLI's start-up. Prints the median of the runs after a warm-up, in ms.
/// </summary>
public static class DashboardTiming
{
    public static async Task<int> RunAsync(string[] args)
    {
        string Get(string name, string? fallback = null) =>
            Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback ?? throw new ArgumentException($"{name} is required");
        var database = new MeraDb(DbSettings.Resolve(Get("--db"), null));
        var org = Get("--org");
        var period = Period.Parse(Get("--period"));
        var repeat = int.Parse(Get("--repeat", "5"));
        var times = new List<double>();
        for (var run = 0; run <= repeat; run++)
        {
            var watch = Stopwatch.StartNew();
            await ComputeDashboard.RunAsync(database, new ComputeDashboard.Query(org, period, Clock.FromEnvironment().Today()));
            if (run > 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }
        times.Sort();
        Console.WriteLine($"{times[times.Count / 2]:0}");
        return 0;
    }
}
