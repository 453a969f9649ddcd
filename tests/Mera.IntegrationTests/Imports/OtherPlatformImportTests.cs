using System.Text;

namespace Mera.IntegrationTests.Imports;

public class OtherPlatformImportTests
{
    private static string Inn(int i) => PlatformFiles.Inn("05", 100 + i);

    [Fact]
    public async Task Sferum_statistics_with_the_seed_column_names_go_to_the_week_and_its_month()
    {
        await using var db = await ImportAssertions.DagestanAsync("sqlite", 2);
        var header = string.Join(';', new[]
        {
            "ИНН", "Название организации", "Статус профиля", "Учеников всего (количество учеников в Сферуме)",
            "Учителей всего (количество учителей в Сферуме, VK Мессенджере и ЭЖД)",
            "Учителя, создавшие групповые чаты (количество учителей, создавших групповые чаты в VK Мессенджере и ЭЖД)",
            "Учителя, написавшие в групповых чатах минимум 3 сообщения за неделю (количество учителей, написавших не менее 3 сообщений в групповых чатах в VK Мессенджере и ЭЖД)",
            "Учителя, написавшие в групповых чатах минимум 10 сообщений за неделю (количество учителей, написавших не менее 10 сообщений в групповых чатах в VK Мессенджере и ЭЖД)",
            "Учителя, совершившие минимум 1 звонок за неделю", "Учителя, связавшие аккаунты ЭЖД", "Ученики, связавшие аккаунты ЭЖД",
            "Учителя, использовавшие Сферум за последние 12 месяцев",
        }.Select(PlatformFiles.Quote));
        var csv = header + "\n" +
            $"{Inn(1)};Школа 1;Активен;300;40;20;15;8;10;30;200;35\n" +
            $"{Inn(2)};Школа 2;Не активен;120;18;0;0;0;0;5;10;6\n";
        var xlsx = await Spreadsheets.ConvertAsync(Cli.WriteFile("sferum.csv", csv, new UTF8Encoding(true)), "xlsx");

        var run = await Cli.OkAsync(db, "import", "sferum", xlsx, "--period", "2024-W41", "--org", "m1");

        Assert.Contains("значений записано 20", run.Out);
        var week = await ImportAssertions.TotalsAsync(db, "sferum.", "2024-W41");
        Assert.Equal(420, week["sferum.students.total"]);
        Assert.Equal(23, week["sferum.teachers.msg10"] + week["sferum.teachers.msg3"]);
        Assert.Equal(1, week["sferum.org.active"]);
        var month = await ImportAssertions.TotalsAsync(db, "sferum.", "2024-10");
        Assert.Equal(41, month["sferum.teachers.active_12m"]);
        var icop = Cli.Row(await Cli.OkAsync(db, "indicators", "--org", "m1", "--period", "2024-W41", "--format", "json",
            "--indicator", "mm10.schools.icop"), "m1", "mm10.schools.icop");
        Assert.Equal(50.0, icop.GetProperty("value").GetDouble(), 6);
    }

    [Fact]
    public async Task Sferum_12_month_columns_in_the_words_of_seed_001_load_and_a_renamed_one_refuses_the_file()
    {
        await using var db = await ImportAssertions.DagestanAsync("sqlite", 2);
        const string head = "ИНН;Учеников всего;Учителей всего;";
        var seedWords = Cli.WriteFile("sferum-001.csv", head
            + "Учителей, использовавших за последние 12 месяцев ИКОП «Сферум»;Учеников, использовавших за последние 12 месяцев ИКОП «Сферум»\n"
            + $"{Inn(1)};300;40;21;40\n{Inn(2)};100;10;5;12\n");
        await Cli.OkAsync(db, "import", "sferum", seedWords, "--period", "2024-W41", "--org", "m1");
        var month = await ImportAssertions.TotalsAsync(db, "sferum.", "2024-10");
        // Seed 001: teachers 26 of 50 = 52 %, students 52 of 400 = 13 %.
        Assert.Equal((26, 52), (month["sferum.teachers.active_12m"], month["sferum.students.active_12m"]));

        var renamed = Cli.WriteFile("sferum-renamed.csv", head
            + "Педагоги, заходившие за последние 12 месяцев;Учеников, использовавших за последние 12 месяцев ИКОП «Сферум»\n"
            + $"{Inn(1)};300;40;21;40\n");
        var refused = await Cli.RunAsync(db, "import", "sferum", renamed, "--period", "2024-W42", "--org", "m1");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("sferum-renamed.csv, столбец «Педагоги, заходившие за последние 12 месяцев»: столбец «Педагоги, заходившие за последние 12 месяцев» не распознан; "
            + "ожидаются столбцы «Учителя, использовавшие Сферум за последние 12 месяцев», «Ученики, использовавшие Сферум за последние 12 месяцев»", refused.Error);
        var skipped = await Cli.OkAsync(db, "import", "sferum", renamed, "--period", "2024-W42", "--org", "m1", "--skip-unmatched");
        Assert.Contains("его значения не загружены", skipped.Error);
    }

    [Fact]
    public async Task Sferum_needs_a_week_and_says_so()
    {
        await using var db = await ImportAssertions.DagestanAsync("sqlite", 1);
        var file = Cli.WriteFile("s.csv", $"ИНН;Учеников всего;Учителей всего\n{Inn(1)};10;2\n");
        var run = await Cli.RunAsync(db, "import", "sferum", file, "--period", "2024-10", "--org", "m1");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("неделю, например 2024-W41", run.Error);
    }

    [Fact]
    public async Task MySchool_statistics_by_school_name_and_rules()
    {
        await using var db = await ImportAssertions.DagestanAsync("sqlite", 2);
        var header = "Школа;Организация зарегистрирована;Учителей зарегистрировано;Активные учителя;Обучающихся зарегистрировано;Активные обучающиеся;Родителей зарегистрировано";
        var ok = Cli.WriteFile("ms.csv", header + "\n" +
            $"{PlatformFiles.Quote(PlatformFiles.SchoolName(1))};да;40;33;400;0;350\n" +
            $"{PlatformFiles.Quote(PlatformFiles.SchoolName(2))};да;20;15;150;12;100\n");
        await Cli.OkAsync(db, "import", "myschool", ok, "--period", "2024-10", "--org", "m1");
        var totals = await ImportAssertions.TotalsAsync(db, "myschool.", "2024-10");
        Assert.Equal(48, totals["myschool.teachers.active"]);
        Assert.Equal(2, totals["myschool.org.registered"]);

        var bad = Cli.WriteFile("ms2.csv", header + "\n" + $"{PlatformFiles.Quote(PlatformFiles.SchoolName(1))};да;40;45;400;0;350\n");
        var run = await Cli.RunAsync(db, "import", "myschool", bad, "--period", "2024-11", "--org", "m1");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("ms2.csv, строка 2, столбец «Активные учителя»: активных больше, чем зарегистрированных", run.Error);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task OpenSchool_form_of_one_school_from_a_spreadsheet(bool schoolInFile)
    {
        await using var db = await ImportAssertions.DagestanAsync("sqlite", 2);
        var csv = "Форма отчетности по платформе «Открытая школа»;;;\n" +
            (schoolInFile ? $"Образовательная организация: {PlatformFiles.Quote(PlatformFiles.SchoolName(2))};;;\n" : "") +
            "№ п/п;Наименование подпоказателя;Единица измерения;Значение подпоказателя\n" +
            "1;Количество обучающихся, зарегистрированных на образовательной онлайн-платформе «Открытая школа»;чел.;310\n" +
            "2;Количество обучающихся, не выполнявших задания на образовательной онлайн-платформе «Открытая школа» в отчетный период;чел.;41\n" +
            "3;Количество педагогических работников, зарегистрированных на образовательной онлайн-платформе «Открытая школа»;чел.;27\n" +
            "4 ;Количество педагогических работников, не открывавших уроки на образовательной онлайн-платформе «Открытая школа» в отчетный период;чел.;2\n" +
            ";;;\nДиректор;;;Иванов И.И.\n";
        var xlsx = await Spreadsheets.ConvertAsync(Cli.WriteFile("openschool.csv", csv, new UTF8Encoding(true)), "xlsx");

        var run = await Cli.OkAsync(db, schoolInFile
            ? ["import", "openschool", xlsx, "--period", "2024Q4", "--org", "m1"]
            : ["import", "openschool", xlsx, "--period", "2024Q4", "--org", "s2"]);

        Assert.Contains("значений записано 4", run.Out);
        var row = Cli.Row(await Cli.OkAsync(db, "indicators", "--org", "s2", "--period", "2024Q4", "--format", "json",
            "--indicator", "openschool.students.active_share"), "s2", "openschool.students.active_share");
        Assert.Equal(269, row.GetProperty("numerator").GetDouble());
        Assert.Equal(310, row.GetProperty("denominator").GetDouble());
    }

    [Fact]
    public async Task OpenSchool_form_without_a_school_is_refused_with_the_way_out()
    {
        await using var db = await ImportAssertions.DagestanAsync("sqlite", 2);
        var file = Cli.WriteFile("os.csv", "№;Наименование подпоказателя;Единица измерения;Значение подпоказателя\n1;Количество обучающихся, зарегистрированных на образовательной онлайн-платформе «Открытая школа»;чел.;5\n");
        var run = await Cli.RunAsync(db, "import", "openschool", file, "--period", "2024Q4", "--org", "m1");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("не удалось определить школу", run.Error);
    }
}
