namespace Mera.IntegrationTests.Imports;

public class ImportJournalTests
{
    private static string Header => string.Join(';', PlatformFiles.EducontCleanHeaders.Select(PlatformFiles.Quote));

    private static string Row(int school, int registered, int confirmed) =>
        $"Сергокалинский район;{PlatformFiles.Inn("05", 100 + school)};Школа;;;;{registered};{confirmed};0;{registered - confirmed};100;90;50;10;20";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Dry_run_shows_changes_and_undo_restores_what_a_batch_replaced(string provider)
    {
        await using var db = await ImportAssertions.DagestanAsync(provider, 2);
        var first = Cli.WriteFile("first.csv", Header + "\n" + Row(1, 10, 8) + "\n");
        var second = Cli.WriteFile("second.csv", Header + "\n" + Row(1, 12, 11) + "\n" + Row(2, 30, 30) + "\n");
        await Cli.OkAsync(db, "import", "educont", first, "--period", "2024Q4", "--org", "m1");
        var afterFirst = await ImportAssertions.TotalsAsync(db, "educont.", "2024Q4");
        var counts = await ImportAssertions.CountsAsync(db);

        var dry = await Cli.OkAsync(db, "import", "educont", second, "--period", "2024Q4", "--org", "m1", "--dry-run");
        Assert.Contains("будет изменено: s1 / educont.teachers.registered / 2024Q4: 10 → 12", dry.Out);
        Assert.Contains("будет изменено: s2 / educont.teachers.registered / 2024Q4: нет → 30", dry.Out);
        Assert.Equal(counts, await ImportAssertions.CountsAsync(db));

        await Cli.OkAsync(db, "import", "educont", second, "--period", "2024Q4", "--org", "m1");
        var batches = (await Cli.OkAsync(db, "imports", "list", "--format", "json")).Json();
        var secondId = batches[0].GetProperty("id").GetInt64();
        Assert.Equal("second.csv", batches[0].GetProperty("fileName").GetString());
        Assert.Equal(64, batches[0].GetProperty("sha256").GetString()!.Length);
        Assert.Equal(3 + 9, batches[0].GetProperty("valuesWritten").GetInt32()); // s1: 3 changed, s2: 9 new

        var firstId = batches[1].GetProperty("id").GetInt64();
        var blocked = await Cli.RunAsync(db, "imports", "undo", firstId.ToString());
        Assert.Equal(1, blocked.ExitCode);
        Assert.Contains("Сначала отмените более поздние загрузки", blocked.Error);

        var undo = await Cli.OkAsync(db, "imports", "undo", secondId.ToString());
        Assert.Contains("восстановлено значений 3, удалено 9", undo.Out);
        Assert.Equal(afterFirst, await ImportAssertions.TotalsAsync(db, "educont.", "2024Q4"));
        var again = await Cli.RunAsync(db, "imports", "undo", secondId.ToString());
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("уже отменена", again.Error);

        // The undo is audited: its 12 changes are the 9 removals in the history and the 3 restored values, now current;
        // the versions the import wrote moved into the history. The file can be imported again.
        await using (var context = db.Db.CreateContext())
        {
            Assert.Equal(9, context.DataValueHistory.Count(h => h.SourceFile!.StartsWith("отмена загрузки") && h.NewValue == null));
            Assert.Equal(3, context.DataValues.Count(v => v.SourceFile!.StartsWith("отмена загрузки") && v.PreviousValue != null));
            Assert.Equal(12, context.DataValueHistory.Count(h => h.ImportBatchId == secondId));
        }
        var reimport = await Cli.OkAsync(db, "import", "educont", second, "--period", "2024Q4", "--org", "m1");
        Assert.Contains("значений записано 12", reimport.Out);
    }
}
