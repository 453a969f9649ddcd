using System.Text;

namespace Mera.IntegrationTests.Imports;

public class EducontImportTests
{
    private const int Schools = 12;

    public static TheoryData<string, bool> Formats => new()
    {
        { "csv-1251", true }, { "csv-utf8", false }, { "xlsx", true }, { "xlsx", false }, { "xls", true },
    };

    private static async Task<string> FileAsync(string format, string csv)
    {
        if (format == "csv-1251")
        {
            return Cli.WriteFile("educont.csv", csv, Mera.Core.Reading.TextEncodingDetector.Windows1251);
        }
        var utf8 = Cli.WriteFile("educont.csv", csv, new UTF8Encoding(true));
        return format == "csv-utf8" ? utf8 : await Spreadsheets.ConvertAsync(utf8, format);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Every_format_gives_the_totals_of_the_file(string format, bool seedHeaders)
    {
        var (csv, totals) = PlatformFiles.Educont(Schools, seedHeaders, seed: format.Length + (seedHeaders ? 1 : 0));
        var file = await FileAsync(format, csv);
        await using var db = await ImportAssertions.DagestanAsync("sqlite", Schools);

        var run = await Cli.OkAsync(db, "import", "educont", file, "--period", "2024Q4", "--org", "m1");

        Assert.Contains("Пропущено строк других муниципалитетов: 2.", run.Out);
        Assert.Contains("Пропущено итоговых строк: 1.", run.Out);
        Assert.Contains($"значений записано {Schools * 9}", run.Out);
        var stored = await ImportAssertions.TotalsAsync(db, "educont.", "2024Q4");
        foreach (var (element, total) in totals)
        {
            Assert.Equal(total, stored[element]);
        }
        var share = Cli.Row(await Cli.OkAsync(db, "indicators", "--org", "m1", "--period", "2024Q4", "--format", "json",
            "--indicator", "educont.students.confirmed_share"), "m1", "educont.students.confirmed_share");
        Assert.Equal(totals["educont.students.confirmed"], share.GetProperty("numerator").GetDouble());
        Assert.Equal(totals["educont.students.registered"], share.GetProperty("denominator").GetDouble());
        Assert.Equal(Schools, share.GetProperty("reported").GetInt32());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Region_import_takes_both_municipalities_and_repeats_change_nothing(string provider)
    {
        var (csv, _) = PlatformFiles.Educont(Schools, seedHeaders: true);
        var file = Cli.WriteFile("educont.csv", csv);
        await using var db = await ImportAssertions.DagestanAsync(provider, Schools);

        var first = await Cli.OkAsync(db, "import", "educont", file, "--period", "2024Q4", "--org", "r1");
        Assert.Contains($"значений записано {(Schools + 2) * 9}", first.Out);
        var after = await ImportAssertions.CountsAsync(db);
        var second = await Cli.OkAsync(db, "import", "educont", file, "--period", "2024Q4", "--org", "r1");
        Assert.Contains("Изменений нет", second.Out);
        Assert.Equal(after, await ImportAssertions.CountsAsync(db));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bad_cells_and_unknown_schools_refuse_the_whole_file(string provider)
    {
        await using var db = await ImportAssertions.DagestanAsync(provider, 3);
        var header = string.Join(';', PlatformFiles.EducontCleanHeaders.Select(PlatformFiles.Quote));
        var inn = (int i) => PlatformFiles.Inn("05", 100 + i);
        var file = Cli.WriteFile("bad.csv", header + "\n" +
            $"Сергокалинский район;{inn(1)};Школа 1;;;;10;12;5;0;100;90;50;10;20\n" +     // confirmed > registered
            $"Сергокалинский район;{inn(2)};Школа 2;;;;10;5;5;5;сто;90;50;10;20\n" +      // text in a number cell
            $"Сергокалинский район;{inn(3)};Школа 3;;;;10;5;5;5;-4;0;0;0;0\n" +           // negative
            $"Сергокалинский район;0500000000;Школа X;;;;1;1;1;0;1;1;1;0;1\n");           // unknown INN
        var before = await ImportAssertions.CountsAsync(db);

        var run = await Cli.RunAsync(db, "import", "educont", file, "--period", "2024Q4", "--org", "m1");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("bad.csv, строка 2, столбец «Преподавателей подтверждено»: подтверждённых больше, чем зарегистрированных", run.Error);
        Assert.Contains("bad.csv, строка 3, столбец «Учеников зарегистрировано»: «сто» не является числом", run.Error);
        Assert.Contains("bad.csv, строка 4, столбец «Учеников зарегистрировано»: значение -4 отрицательное", run.Error);
        Assert.Contains("bad.csv, строка 5, столбец «ИНН»: ИНН 0500000000: школа не найдена в реестре", run.Error);
        Assert.Equal(before, await ImportAssertions.CountsAsync(db));
    }

    [Fact]
    public async Task Skip_unmatched_imports_the_rest_and_keeps_the_warning_with_the_batch()
    {
        await using var db = await ImportAssertions.DagestanAsync("sqlite", 2);
        var header = string.Join(';', PlatformFiles.EducontCleanHeaders.Select(PlatformFiles.Quote));
        var file = Cli.WriteFile("e.csv", header + "\n" +
            $"Сергокалинский район;{PlatformFiles.Inn("05", 101)};Школа 1;;;;10;8;5;2;100;90;50;10;20\n" +
            $"Сергокалинский район;;{PlatformFiles.SchoolName(2)};;;;10;8;5;2;100;90;50;10;20\n" +
            "Сергокалинский район;;Школа, которой нет;;;;1;1;1;0;1;1;1;0;1\n");

        var refused = await Cli.RunAsync(db, "import", "educont", file, "--period", "2024Q4", "--org", "m1");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("строка 4, столбец «Школа»: наименование «Школа, которой нет»: школа не найдена в реестре", refused.Error);

        var run = await Cli.OkAsync(db, "import", "educont", file, "--period", "2024Q4", "--org", "m1", "--skip-unmatched");
        Assert.Contains("значений записано 18", run.Out);
        Assert.Contains("Предупреждение: e.csv, строка 4", run.Error);
        var batch = (await Cli.OkAsync(db, "imports", "list", "--format", "json")).Json().Single();
        Assert.Equal(1, batch.GetProperty("warnings").GetInt32());
        Assert.Equal(1, batch.GetProperty("skipped").GetInt32());
        Assert.Contains(batch.GetProperty("issues").EnumerateArray(), i => i.GetString()!.Contains("Школа, которой нет"));
    }
}
