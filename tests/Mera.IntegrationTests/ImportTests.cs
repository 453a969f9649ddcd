using Mera.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Mera.IntegrationTests;

public class ImportTests
{
    private static async Task<(int Values, int History)> CountsAsync(TestDatabase db)
    {
        await using var context = db.Db.CreateContext();
        return (await context.DataValues.CountAsync(), await context.DataValueHistory.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Refused_file_lists_every_error_and_changes_nothing(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await District.SetUpAsync(db, 3);
        await District.ImportValuesAsync(db, "s1,contingent.students,2024,100\n");
        var before = await CountsAsync(db);

        var run = await District.ImportValuesAsync(db,
            "s1,contingent.students,2024,120\ns2,contingent.students,2024,-5\nnobody,contingent.students,2024,3\n" +
            "s3,educont.students.confirmed,2024Q1,60\ns3,educont.students.registered,2024Q1,50\ns3,no.such.element,2024Q1,1\ns3,contingent.students,2024Q1,5\n");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("values.csv, строка 3, столбец «value»: значение -5 отрицательное", run.Error);
        Assert.Contains("строка 4, столбец «org»: организация «nobody» не найдена", run.Error);
        Assert.Contains("неизвестный подпоказатель «no.such.element»", run.Error);
        Assert.Contains("строка 8, столбец «period»", run.Error);
        Assert.Contains("подтверждённых больше, чем зарегистрированных", run.Error);
        Assert.Equal(before, await CountsAsync(db));
        var stored = await Mera.Core.Features.Indicators.ComputeIndicators.RunAsync(db.Db, new Mera.Core.Features.Indicators.ComputeIndicators.Query(
            "s1", "2024", AssessTargets: false, Elements: ["contingent.students"]));
        Assert.Equal(100, stored.Single(r => r.Indicator == "contingent.students").Value);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Importing_the_same_file_twice_changes_nothing_and_changes_are_history(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await District.SetUpAsync(db, 2);
        var file = Cli.WriteFile("v.csv", "org;element;period;value\r\ns1;contingent.students;2024;100\r\n" + $"{District.Inn(1002)};contingent.students;2024;200\r\n");
        var first = await Cli.OkAsync(db, "import", "values", file);
        Assert.Contains("значений записано 2", first.Out);
        var afterFirst = await CountsAsync(db);
        var second = await Cli.OkAsync(db, "import", "values", file);
        Assert.Contains("значений записано 0, без изменений 2", second.Out);
        Assert.Equal(afterFirst, await CountsAsync(db));

        await Cli.OkAsync(db, "import", "values", Cli.WriteFile("v2.csv", TestData.ValuesHeader + "\ns1,contingent.students,2024,110\n"));
        await using var context = db.Db.CreateContext();
        // The stored value is its own latest change; the version it replaced moved into the history.
        var current = await context.DataValues.SingleAsync(v => v.Value == 110);
        Assert.Equal(100, current.PreviousValue);
        Assert.Equal("v2.csv", current.SourceFile);
        Assert.NotNull(current.ImportBatchId);
        var superseded = await context.DataValueHistory.SingleAsync();
        Assert.Equal((null, 100d, "v.csv"), (superseded.OldValue, superseded.NewValue, superseded.SourceFile));
        Assert.Equal((current.OrgUnitId, current.ElementId), (superseded.OrgUnitId, superseded.ElementId));
        Assert.Equal(2, await context.ImportBatches.CountAsync()); // the repeat leaves no batch: it changed nothing
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Windows_1251_file_with_padded_inn_and_dry_run(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await District.SetUpAsync(db, 1);
        var file = Cli.WriteFile("w.csv", "Организация\tПодпоказатель\tПериод\tЗначение\n" + District.Inn(1001) + "\tcontingent.teachers\t2024\t12\n",
            Mera.Core.Reading.TextEncodingDetector.Windows1251);
        var dry = await Cli.OkAsync(db, "import", "values", file, "--dry-run");
        Assert.Contains("Проверка (без записи)", dry.Out);
        Assert.Equal((0, 0), await CountsAsync(db));
        await Cli.OkAsync(db, "import", "values", file);
        Assert.Equal((1, 0), await CountsAsync(db)); // a first value is one row: no history until it is replaced
    }

    [Fact]
    public async Task Usage_error_exits_with_2()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        Assert.Equal(2, (await Cli.RunAsync(db, "indicators", "--period", "2024")).ExitCode);
        Assert.Equal(2, (await Cli.RunAsync(db, "indicators", "--org", "x", "--period", "2024-13")).ExitCode);
    }
}

public class WarningTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_sharp_drop_inside_one_file_is_a_warning_and_the_data_is_saved(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await District.SetUpAsync(db, 1);
        var run = await District.ImportValuesAsync(db, "s1,sferum.teachers.total,2024-W01,60\ns1,sferum.teachers.total,2024-W02,20\n");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("строка 3, столбец «sferum.teachers.total»: значение 20 упало более чем на 50 %", run.Error);
        Assert.Contains("значений записано 2", run.Out);
    }
}
