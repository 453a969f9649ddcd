using Mera.IntegrationTests.Imports;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Mera.IntegrationTests.Reliability;

/// <summary>
/// Every hostile file through every importer: each run ends with exit code 0 or 1 (never a crash or a stack
/// trace), a refusal is in Russian and names the file, and a refused file changes nothing in the database.
/// </summary>
public class HostileInputTests(ITestOutputHelper output)
{
    private static readonly string[][] Importers =
    [
        ["import", "educont", "{0}", "--period", "2024Q4", "--org", "m1"],
        ["import", "sferum", "{0}", "--period", "2024-W41", "--org", "m1"],
        ["import", "myschool", "{0}", "--period", "2024-10", "--org", "m1"],
        ["import", "openschool", "{0}", "--period", "2024Q4", "--org", "s1"],
        ["import", "values", "{0}"],
        ["import", "template", "{0}"],
        ["orgs", "import", "{0}"],
        ["targets", "import", "{0}"],
        ["roadmap", "import", "{0}", "--org", "m1"],
        ["decisions", "import", "{0}", "--org", "m1"],
        ["agreement", "import", "{0}", "--org", "m1", "--number", "1", "--date", "01.02.2024"],
    ];

    [Fact]
    public async Task Hostile_files_never_crash_an_importer_and_refused_ones_change_nothing()
    {
        await using var db = await ImportAssertions.DagestanAsync("sqlite", 3);
        var corpus = HostileCorpus.Build(3);
        var (tried, refused, accepted) = (0, 0, 0);
        var failures = new List<string>();
        foreach (var (name, path) in corpus)
        {
            foreach (var importer in Importers)
            {
                var before = await SnapshotAsync(db);
                var run = await Cli.RunAsync(db, importer.Select(a => string.Format(a, path)).ToArray());
                tried++;
                var what = $"{importer[0]} {importer[1]} {name}";
                if (run.ExitCode is not (0 or 1) || run.Error.Contains("   at ") || run.Error.Contains("Unhandled") || run.Error.Contains("Exception:"))
                {
                    failures.Add($"{what}: exit {run.ExitCode}\n{run.Error}");
                    continue;
                }
                if (run.ExitCode == 1)
                {
                    refused++;
                    if (!System.Text.RegularExpressions.Regex.IsMatch(run.Error, "[а-яА-Я]"))
                    {
                        failures.Add($"{what}: refused without a Russian message: {run.Error}");
                    }
                    if (await SnapshotAsync(db) != before)
                    {
                        failures.Add($"{what}: refused but the database changed");
                    }
                }
                else
                {
                    accepted++;
                }
            }
        }
        output.WriteLine($"hostile inputs: {corpus.Count} files × {Importers.Length} importers = {tried} runs; refused {refused}, accepted {accepted}, crashes {failures.Count}");
        await Reliability.RecordAsync("hostile", $"{corpus.Count} files × {Importers.Length} importers = {tried} runs: refused {refused}, accepted {accepted}, crashes or partial writes {failures.Count}");
        await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), "mera-hostile-failures.txt"), string.Join("\n\n", failures));
        Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(10)));
    }

    /// <summary>Everything an import can touch, as counts and the sum of all values.</summary>
    private static async Task<string> SnapshotAsync(TestDatabase db)
    {
        await using var c = db.Db.CreateContext();
        return string.Join("/", await c.DataValues.CountAsync(), await c.DataValues.SumAsync(v => v.Value), await c.DataValueHistory.CountAsync(),
            await c.ImportBatches.CountAsync(), await c.OrgUnits.CountAsync(), await c.Targets.CountAsync(), await c.RoadmapItems.CountAsync(),
            await c.Decisions.CountAsync(), await c.Agreements.CountAsync(), await c.AgreementValues.CountAsync());
    }
}
