using System.Diagnostics;
using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Indicators;
using Mera.Core.Features.Values;

namespace Mera.Bench;

/// <summary>
/// `visible --db DB --org ru --period P --school S --element E --value V`: how long until a saved value shows on the national
/// dashboard — one value written through the same use case as an import (its own transaction, the fresh totals kept in
/// it), then the dashboard computed once; prints the two times in ms and fails if the dashboard did not change. A first
/// write (V − 1) warms the process up, as a running server is.
/// </summary>
public static class WriteVisibility
{
    public static async Task<int> RunAsync(string[] args)
    {
        string Get(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{name} is required");
        var database = new MeraDb(DbSettings.Resolve(Get("--db"), null));
        var (org, period, school, element) = (Get("--org"), Period.Parse(Get("--period")), Get("--school"), Get("--element"));
        var clock = Clock.FromEnvironment();
        var query = new ComputeDashboard.Query(org, period, clock.Today());
        var before = Totals(await ComputeDashboard.RunAsync(database, query));
        var file = Path.Combine(Path.GetTempPath(), $"mera-visible-{Environment.ProcessId}.csv");
        var value = double.Parse(Get("--value"), System.Globalization.CultureInfo.InvariantCulture);
        await File.WriteAllTextAsync(file, $"org,element,period,value\n{school},{element},{period.Code},{value - 1}\n");
        await ImportValues.RunAsync(database, new ImportValues.Command(file, "bench"), clock);
        before = Totals(await ComputeDashboard.RunAsync(database, query));
        await File.WriteAllTextAsync(file, $"org,element,period,value\n{school},{element},{period.Code},{value}\n");
        var watch = Stopwatch.StartNew();
        await ImportValues.RunAsync(database, new ImportValues.Command(file, "bench"), clock);
        var written = watch.Elapsed.TotalMilliseconds;
        var after = Totals(await ComputeDashboard.RunAsync(database, query));
        var shown = watch.Elapsed.TotalMilliseconds;
        File.Delete(file);
        if (before == after)
        {
            Console.Error.WriteLine("the saved value did not reach the dashboard");
            return 1;
        }
        Console.WriteLine($"{written:0} {shown:0}");
        return 0;
    }

    private static string Totals(ComputeDashboard.Result result) =>
        string.Join(";", result.Rows.Select(r => $"{r.Org}:{r.Indicator}:{r.Numerator}:{r.Denominator}:{r.Reported}"));
}
