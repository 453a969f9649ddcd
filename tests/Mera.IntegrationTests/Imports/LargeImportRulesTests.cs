using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Mera.IntegrationTests.Imports;

/// <summary>
/// From 20 000 changes on, the rules are checked on the second core while the values are written (ADR 0017). The
/// refusal and the warnings must come out exactly as when they are checked first.
/// </summary>
public class LargeImportRulesTests
{
    private const int Schools = 200;
    private const int Weeks = 50;

    /// <summary>200 schools × 50 weeks × 2 elements = 20 000 values; `edit` may change a line (2-based, after the header).</summary>
    private static string File(Func<int, int, int, string?>? edit = null)
    {
        var sb = new StringBuilder(TestData.ValuesHeader + "\n");
        var line = 1;
        for (var s = 1; s <= Schools; s++)
        {
            for (var w = 1; w <= Weeks; w++)
            {
                foreach (var (element, value) in new[] { ("sferum.teachers.total", 40), ("sferum.teachers.msg3", 30) })
                {
                    line++;
                    sb.Append(edit?.Invoke(line, s, w) ?? $"s{s},{element},2025-W{w:D2},{value}").Append('\n');
                }
            }
        }
        return Cli.WriteFile("large.csv", sb.ToString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_error_found_while_writing_refuses_the_whole_file(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await District.SetUpAsync(db, Schools);
        // The last school's last week: more teachers wrote 3 messages than there are teachers.
        var lastLine = 1 + Schools * Weeks * 2;
        var run = await Cli.RunAsync(db, "import", "values", File((line, s, w) => line == lastLine ? $"s{s},sferum.teachers.msg3,2025-W{w:D2},41" : null));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"large.csv, строка {lastLine}", run.Error);
        await using var context = db.Db.CreateContext();
        Assert.Equal(0, await context.DataValues.CountAsync());
        Assert.Equal(0, await context.ImportBatches.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Warnings_found_while_writing_are_kept_with_the_batch(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await District.SetUpAsync(db, Schools);
        // School 7's teachers drop from 40 to 10 in week 20 (and those who wrote 3 messages from 30 to 5): more than
        // half against week 19, in the same file.
        var run = await Cli.RunAsync(db, "import", "values", File((line, s, w) => s == 7 && w == 20
            ? line % 2 == 0 ? "s7,sferum.teachers.total,2025-W20,10" : "s7,sferum.teachers.msg3,2025-W20,5"
            : null));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("значений записано 20000", run.Out);
        Assert.Contains("предупреждений 2", run.Out);
        await using var context = db.Db.CreateContext();
        var batch = await context.ImportBatches.SingleAsync();
        Assert.Equal(2, batch.Warnings);
        Assert.Contains("упало более чем на 50 %", batch.Issues);
        Assert.Equal(20_000, await context.DataValues.CountAsync());
    }
}
