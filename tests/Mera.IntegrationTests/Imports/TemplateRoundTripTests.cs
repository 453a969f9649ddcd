using System.IO.Compression;

namespace Mera.IntegrationTests.Imports;

public class TemplateRoundTripTests
{
    private static readonly Dictionary<string, string> Filled = new()
    {
        ["openschool.students.registered"] = "300", ["openschool.students.inactive"] = "45",
        ["openschool.teachers.registered"] = "28", ["openschool.teachers.inactive"] = "3",
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Generate_fill_in_a_spreadsheet_program_and_import_a_zip_of_attachments(string provider)
    {
        await using var db = await ImportAssertions.DagestanAsync(provider, 3);
        var dir = Directory.CreateTempSubdirectory("mera-tpl-").FullName;
        var made = await Cli.OkAsync(db, "template", "--form", "openschool", "--period", "2024Q4", "--org", "m1", "--out", dir);
        Assert.Contains("Шаблонов сформировано: 3.", made.Out);
        var files = Directory.GetFiles(dir, "*.xlsx").Order().ToArray();
        Assert.Equal("openschool_2024Q4_s1.xlsx", Path.GetFileName(files[0]));

        TemplateFiller.Fill(files[0], Filled);
        TemplateFiller.Fill(files[1], Filled.ToDictionary(kv => kv.Key, kv => kv.Key.EndsWith("inactive") ? "1" : "100"));
        // The school saves its file again in LibreOffice, as it would in its own spreadsheet program.
        var resaved = await Spreadsheets.ConvertAsync(files[0], "xlsx");
        var zip = Path.Combine(Directory.CreateTempSubdirectory("mera-zip-").FullName, "почта.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            archive.CreateEntryFromFile(resaved, "школа1/openschool_2024Q4_s1.xlsx");
            archive.CreateEntryFromFile(files[1], "openschool_2024Q4_s2.xlsx");
            archive.CreateEntry("readme.txt");
        }

        var run = await Cli.RunAsync(db, "import", "template", zip, "--org", "m1");

        Assert.Equal(1, run.ExitCode); // readme.txt is refused and said so; both schools' files are accepted
        Assert.Contains("Файлов: 3, принято 2, отклонено 1.", run.Out);
        Assert.Contains("readme.txt", run.Error);
        var totals = await ImportAssertions.TotalsAsync(db, "openschool.", "2024Q4");
        Assert.Equal(400, totals["openschool.students.registered"]);
        Assert.Equal(46, totals["openschool.students.inactive"]);

        // The next template of s1 shows this quarter's values for reference.
        var next = Path.Combine(dir, "next.xlsx");
        await Cli.OkAsync(db, "template", "--form", "openschool", "--period", "2025Q1", "--org", "s1", "--out", next);
        var text = Mera.Core.Reading.TableReader.OpenWithColumns(next, [["Код"], ["Значение"]]);
        var row = text.Rows.First(r => r.Cell(1) == "openschool.students.registered");
        Assert.Equal("300", row.Cell(4));
    }

    [Fact]
    public async Task Altered_other_period_and_foreign_templates_are_refused()
    {
        await using var db = await ImportAssertions.DagestanAsync("sqlite", 2);
        var dir = Directory.CreateTempSubdirectory("mera-tpl-").FullName;
        await Cli.OkAsync(db, "template", "--form", "openschool", "--period", "2024Q4", "--org", "m1", "--out", dir);
        var file = Path.Combine(dir, "openschool_2024Q4_s1.xlsx");
        TemplateFiller.Fill(file, Filled);
        var before = await ImportAssertions.CountsAsync(db);

        var otherPeriod = await Cli.RunAsync(db, "import", "template", file, "--period", "2025Q1");
        Assert.Equal(1, otherPeriod.ExitCode);
        Assert.Contains("шаблон за период 4 квартал 2024 г., а загружаются данные за 1 квартал 2025 г.", otherPeriod.Error);

        var otherForm = await Cli.RunAsync(db, "import", "template", file, "--form", "contingent");
        Assert.Contains("шаблон формы «openschool», а загружается форма «contingent»", otherForm.Error);

        var foreign = await Cli.RunAsync(db, "import", "template", file, "--org", "m2");
        Assert.Contains("не входящей в «МР «Каякентский район»»", foreign.Error);

        var text = Cli.WriteFile("x.xlsx", "not a workbook");
        Assert.Equal(1, (await Cli.RunAsync(db, "import", "template", text)).ExitCode);

        TemplateFiller.Tamper(file, "org", "s2");
        var tampered = await Cli.RunAsync(db, "import", "template", file);
        Assert.Equal(1, tampered.ExitCode);
        Assert.Contains("служебный лист шаблона изменён", tampered.Error);
        Assert.Equal(before, await ImportAssertions.CountsAsync(db));
    }

    [Fact]
    public async Task Wrong_values_in_a_template_name_the_sheet_row_and_column()
    {
        await using var db = await ImportAssertions.DagestanAsync("sqlite", 1);
        var file = Path.Combine(Directory.CreateTempSubdirectory("mera-tpl-").FullName, "t.xlsx");
        await Cli.OkAsync(db, "template", "--form", "openschool", "--period", "2024Q4", "--org", "s1", "--out", file);
        TemplateFiller.Fill(file, new Dictionary<string, string>(Filled) { ["openschool.students.inactive"] = "сорок", ["openschool.teachers.inactive"] = "30" });

        var run = await Cli.RunAsync(db, "import", "template", file);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("t.xlsx, лист «Форма», строка 9, столбец «Значение»: «сорок» не является числом", run.Error);
        Assert.Contains("лист «Форма», строка 11, столбец «Значение»: неактивных больше, чем зарегистрированных", run.Error);
    }
}
