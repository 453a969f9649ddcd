using System.Globalization;
using System.Text.RegularExpressions;
using CsCheck;
using Mera.Core.Engine;
using Mera.Core.Features.Indicators;

namespace Mera.IntegrationTests;

/// <summary>
/// Issue 22 §1: the fresh totals equal a full recomputation from the values after any sequence of writes, undos,
/// formula versions and school moves, on both databases. CsCheck draws the sequences and shrinks a failing one to the
/// shortest; every step goes through the CLI, as an official's would.
/// </summary>
public class FreshTotalsProperties
{
    private static readonly string[] Built = ["2025Q1", "2025", "2025-01"];
    private static readonly string[] Schools = ["s1", "s2", "s3", "s4", "b1"];

    /// <summary>(element, period) pairs the district reports: weeks, a quarter and a year, so a write reaches several built periods.</summary>
    private static readonly (string Element, string Period)[] Cells =
    [
        ("sferum.teachers.total", "2025-W02"), ("sferum.teachers.total", "2025-W10"), ("contingent.teachers", "2025"),
        ("infra.internet.mbps", "2025"), ("infra.internet.guaranteed", "2025"),
        ("openschool.students.registered", "2025Q1"), ("openschool.students.inactive", "2025Q1"),
    ];

    private abstract record Step;
    private sealed record Write(string School, int Cell, int Value) : Step;
    private sealed record Undo : Step;
    private sealed record NewFormula(int Factor) : Step;
    private sealed record Move(string School) : Step;

    private static readonly Gen<Step> AnyStep = Gen.Frequency(
        (6, Gen.Select(Gen.Int[0, Schools.Length - 1], Gen.Int[0, Cells.Length - 1], Gen.Int[0, 120], (s, c, v) => (Step)new Write(Schools[s], c, v))),
        (2, Gen.Const((Step)new Undo())),
        (1, Gen.Int[2, 3].Select(f => (Step)new NewFormula(f))),
        (1, Gen.Int[2, 4].Select(s => (Step)new Move($"s{s}"))));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_totals_equal_a_recomputation_after_any_sequence_of_changes(string provider)
    {
        await AnyStep.Array[1, 10].SampleAsync(steps => RunAsync(provider, steps), iter: provider == "sqlite" ? 12 : 6, threads: 1);
    }

    private static async Task RunAsync(string provider, Step[] steps)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var parents = new Dictionary<string, string> { ["s1"] = "m1", ["s2"] = "m1", ["s3"] = "m1", ["s4"] = "m2" };
        await Cli.OkAsync(db, "db", "migrate");
        await Cli.OkAsync(db, "orgs", "import", Cli.WriteFile("orgs.csv", Registry(parents)));
        await Cli.OkAsync(db, ["totals", "build", "--period", .. Built]);
        var batches = new Stack<string>();
        var formulas = 0;
        foreach (var step in steps)
        {
            switch (step)
            {
                case Write w:
                    var (element, period) = Cells[w.Cell];
                    var value = element == "infra.internet.guaranteed" ? w.Value % 2 : w.Value;
                    var run = await Cli.RunAsync(db, "import", "values", Cli.WriteFile("v.csv", $"{TestData.ValuesHeader}\n{w.School},{element},{period},{value}\n"));
                    // A value the rules refuse (more inactive than registered …) changes nothing: the totals must not move either.
                    Assert.True(run.ExitCode == 0 || run.Error.Contains("ничего не изменено"), run.Error);
                    if (Regex.Match(run.Out, @"Загрузка № (\d+)") is { Success: true } m)
                    {
                        batches.Push(m.Groups[1].Value);
                    }
                    break;
                case Undo when batches.Count > 0:
                    await Cli.OkAsync(db, "imports", "undo", batches.Pop());
                    break;
                case NewFormula f:
                    // A new version from a later date each time: the built periods move to it or stay on the old one.
                    var from = new DateOnly(2025, 1, 1).AddMonths(formulas++ * 2);
                    await Cli.OkAsync(db, "catalog", "formula", "--indicator", "sferum.teachers.share", "--from", from.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
                        "--numerator", $"sferum.teachers.total * {f.Factor}", "--denominator", "contingent.teachers");
                    break;
                case Move mv:
                    parents[mv.School] = parents[mv.School] == "m1" ? "m2" : "m1";
                    await Cli.OkAsync(db, "orgs", "import", Cli.WriteFile("orgs.csv", Registry(parents)));
                    break;
            }
            // A catalog or registry change made the built periods stale: the engine answers meanwhile — the same
            // numbers — and the rebuild must too.
            await CompareAsync(db, step);
            await Cli.OkAsync(db, "totals", "build", "--stale", "--period", "2025");
            await CompareAsync(db, step);
        }
    }

    private static async Task CompareAsync(TestDatabase db, Step step)
    {
        foreach (var period in Built)
        {
            foreach (var (org, children) in new[] { ("r1", true), ("m1", false), ("m2", false) })
            {
                var query = new ComputeIndicators.Query(org, period, children, AssessTargets: false);
                var totals = await ComputeIndicators.RunAsync(db.Db, query);
                var engine = await ComputeIndicators.RunAsync(db.Db, query with { FromTotals = false });
                Assert.Equal(engine.Count, totals.Count);
                foreach (var (e, t) in engine.Zip(totals))
                {
                    var where = $"after {step}: {e.Org} {e.Indicator} {period}";
                    Assert.True(e.Org == t.Org && e.Indicator == t.Indicator, where);
                    Assert.True(e.Reported == t.Reported && e.Expected == t.Expected, $"{where}: reported {t.Reported}/{t.Expected}, recomputed {e.Reported}/{e.Expected}");
                    Assert.True(Close(e.Numerator, t.Numerator) && Close(e.Denominator, t.Denominator) && Close(e.Value, t.Value),
                        $"{where}: {t.Numerator}/{t.Denominator} = {t.Value}, recomputed {e.Numerator}/{e.Denominator} = {e.Value}");
                }
            }
        }
    }

    private static bool Close(double? a, double? b) =>
        a is null ? b is null : b is not null && Math.Abs(a.Value - b.Value) <= 1e-9 * Math.Max(1, Math.Abs(a.Value));

    private static string Registry(Dictionary<string, string> parents)
    {
        var registry = new TestData.RegistryBuilder()
            .Unit("r1", "Тестовая область", "region")
            .Unit("m1", "Первый район", "municipality", parent: "r1")
            .Unit("m2", "Второй район", "municipality", parent: "r1");
        var serial = 0;
        foreach (var (school, parent) in parents.OrderBy(p => p.Key))
        {
            registry.Unit(school, $"МБОУ СОШ № {school[1..]}", "school", parent: parent, inn: District.Inn(2000 + ++serial), kpp: "240101001",
                rural: school == "s2", email: $"{school}@example.ru");
        }
        registry.Unit("b1", "Филиал СОШ № 1", "school", parent: "s1", inn: District.Inn(2100), kpp: "240102001", branch: true, email: "b1@example.ru");
        return registry.ToString();
    }
}
