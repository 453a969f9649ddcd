using System.CommandLine;
using Mera.Core.Domain;
using Mera.Core.Features.Indicators;

namespace Mera.Cli.Commands;

/// <summary>`./mera totals build --period 2026Q3 …`: the fresh totals that answer national and regional dashboards at once.</summary>
internal static class TotalsCommand
{
    public static Command Create(CliContext cli)
    {
        var period = new Option<string[]>("--period") { Description = "Периоды (можно несколько): 2026, 2026Q3, 2026-09, 2026-W05", AllowMultipleArgumentsPerToken = true };
        var stale = new Option<bool>("--stale") { Description = "Также все периоды, устаревшие после изменения методики или реестра" };
        var build = new Command("build", "Построить сводные суммы показателей за периоды: панели региона и страны откроются сразу") { period, stale };
        build.SetAction(async (parse, ct) =>
        {
            var database = await cli.OpenDatabaseAsync(parse.GetValue(CliApp.DbOption), parse.GetValue(CliApp.ProviderOption));
            var codes = (parse.GetValue(period) ?? []).ToList();
            if (parse.GetValue(stale))
            {
                codes.AddRange(await BuildTotals.PendingAsync(database, ct));
            }
            if (codes.Count == 0)
            {
                throw new CliRefusal("Укажите период (--period 2026Q3) или --stale");
            }
            var built = await BuildTotals.RunAsync(database, codes, ct);
            await cli.Out.WriteLineAsync($"Сводные суммы построены: {string.Join(", ", built.Select(c => Period.Parse(c).DisplayRu))}");
            return 0;
        });
        return new Command("totals", "Сводные суммы показателей (мгновенные панели региона и страны)") { build };
    }
}
