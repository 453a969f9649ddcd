namespace Mera.IntegrationTests;

public class AgreementTests
{
    // Laid out like seed 003 Annex 1: years in a second header row, «1 2 3 4 5» repeated after page breaks,
    // a title carried over a page break with a hyphen, «…, из них …» notes and «-» for no value.
    private const string Annex1 =
        "№ п/п\tНаименование результата (показателя)\tЗначения результатов (показателя) по годам\t\t\n" +
        "\t\t2023\t2024\t2025\n" +
        "1\t2\t3\t4\t5\n" +
        "Региональный проект «Успех каждого ребенка»\t\t\t\t\n" +
        "9\tЧисло детей с ОВЗ, обучающихся по дополнительным программам, че-\t144\t162\t181\n" +
        "\n1\t2\t3\t4\t5\n" +
        "\tловек\t\t\t\n" +
        "10.\tОбщее количество детей, использующих сертификат\t6675, из них сертификатов ПФДО 1669\t9178, из них сертификатов ПФДО 2295\t-\n" +
        "Региональный проект «Цифровая образовательная среда»\t\t\t\t\n" +
        "18.\tЧисленность обучающихся, для которых формируется цифровой образовательный профиль\t20\t50\t70\n";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Annex_1_is_read_with_its_projects_notes_and_linked_plan_against_fact(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await District.SetUpAsync(db, 2);
        await District.ImportValuesAsync(db, "s1,openschool.students.registered,2024Q4,30\ns2,openschool.students.registered,2024Q4,25\n");
        var import = await Cli.OkAsync(db, "agreement", "import", Cli.WriteFile("annex1.tsv", Annex1), "--org", "m1", "--number", "01/0-2023-1", "--date", "14.02.2023");
        Assert.Contains("Строк 3, значений 8, годы 2023, 2024, 2025.", import.Out);
        await Cli.OkAsync(db, "agreement", "link", "--org", "m1", "--number", "01/0-2023-1", "--row", "18", "--indicator", "cos.students.profile_count");

        var show = System.Text.Json.JsonDocument.Parse((await Cli.OkAsync(db, "agreement", "show", "--org", "m1", "--number", "01/0-2023-1", "--as-of", "2025-02-01")).Out).RootElement;
        var rows = show.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal("Число детей с ОВЗ, обучающихся по дополнительным программам, человек", rows[0].GetProperty("title").GetString());
        Assert.Equal("Региональный проект «Успех каждого ребенка»", rows[0].GetProperty("project").GetString());
        var certificates = rows[1].GetProperty("cells")[0];
        Assert.Equal(6675, certificates.GetProperty("plan").GetDouble());
        Assert.Equal("из них сертификатов ПФДО 1669", certificates.GetProperty("note").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, rows[1].GetProperty("cells")[2].GetProperty("plan").ValueKind);
        var profile = rows[2].GetProperty("cells")[1];
        Assert.Equal(50, profile.GetProperty("plan").GetDouble());
        Assert.Equal(55, profile.GetProperty("fact").GetDouble());
        Assert.Equal("achieved", profile.GetProperty("status").GetString());

        // The linked row's plan is now the municipality's target: indicators show it too.
        var indicator = Cli.Row(await Cli.OkAsync(db, "indicators", "--org", "m1", "--period", "2024", "--format", "json",
            "--indicator", "cos.students.profile_count", "--as-of", "2025-02-01"), "m1", "cos.students.profile_count");
        Assert.Equal(50, indicator.GetProperty("target").GetDouble());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_count_row_is_not_linked_to_a_share_and_a_corrected_agreement_corrects_the_target(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await District.SetUpAsync(db, 2);
        var file = Cli.WriteFile("annex1.tsv", Annex1);
        await Cli.OkAsync(db, "agreement", "import", file, "--org", "m1", "--number", "01/0-2023-1", "--date", "14.02.2023");

        // Seed 003 row 18 is «Численность …» (a count): a share indicator would print «857,1 % Исполнен».
        var refused = await Cli.RunAsync(db, "agreement", "link", "--org", "m1", "--number", "01/0-2023-1", "--row", "18", "--indicator", "dm.students.profile");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("Строка 18 не связана: строка выражена как количество, а показатель", refused.Error);
        Assert.Contains("доля (в процентах)", refused.Error);

        await Cli.OkAsync(db, "agreement", "link", "--org", "m1", "--number", "01/0-2023-1", "--row", "18", "--indicator", "cos.students.profile_count");
        await Cli.OkAsync(db, "agreement", "import", Cli.WriteFile("annex1-corrected.tsv", Annex1.Replace("\t20\t50\t70", "\t20\t60\t70")),
            "--org", "m1", "--number", "01/0-2023-1", "--date", "14.02.2023");
        var indicator = Cli.Row(await Cli.OkAsync(db, "indicators", "--org", "m1", "--period", "2024", "--format", "json",
            "--indicator", "cos.students.profile_count", "--as-of", "2025-02-01"), "m1", "cos.students.profile_count");
        Assert.Equal(60, indicator.GetProperty("target").GetDouble());

        var share = await Cli.RunAsync(db, "targets", "set", "--org", "m1", "--indicator", "dm.students.profile", "--year", "2024", "--value", "150");
        Assert.Equal(1, share.ExitCode);
        Assert.Contains("плановое значение доли должно быть от 0 до 100 %, указано 150", share.Error);
    }

    [Fact]
    public async Task An_amended_agreement_keeps_a_link_with_its_row_when_an_inserted_row_renumbers_it()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await District.SetUpAsync(db, 2);
        await Cli.OkAsync(db, "agreement", "import", Cli.WriteFile("annex1.tsv", Annex1), "--org", "m1", "--number", "01/0-2023-1", "--date", "14.02.2023");
        await Cli.OkAsync(db, "agreement", "link", "--org", "m1", "--number", "01/0-2023-1", "--row", "18", "--indicator", "cos.students.profile_count");

        // The additional agreement inserts a row 18 before the profile row, which becomes 19, and drops row 10.
        var amended = Annex1
            .Replace("18.\tЧисленность обучающихся", "18.\tЧисленность педагогов, прошедших повышение квалификации\t10\t20\t30\n19.\tЧисленность обучающихся")
            .Replace("10.\tОбщее количество детей, использующих сертификат\t6675, из них сертификатов ПФДО 1669\t9178, из них сертификатов ПФДО 2295\t-\n", "");
        var file = Cli.WriteFile("annex1-ds1.tsv", amended);
        var dryRun = await Cli.OkAsync(db, "agreement", "import", file, "--org", "m1", "--number", "01/0-2023-1", "--date", "14.02.2023", "--dry-run");
        Assert.Contains("теперь № 19 (была № 18)", dryRun.Out);
        Assert.Contains("Проверка, ничего не записано.", dryRun.Out);
        var import = await Cli.OkAsync(db, "agreement", "import", file, "--org", "m1", "--number", "01/0-2023-1", "--date", "14.02.2023");
        Assert.Contains("Строка «Численность обучающихся, для которых формируется цифровой…» теперь № 19 (была № 18): связь с показателем cos.students.profile_count сохранена.", import.Out);

        var rows = System.Text.Json.JsonDocument.Parse((await Cli.OkAsync(db, "agreement", "show", "--org", "m1", "--number", "01/0-2023-1",
            "--as-of", "2025-02-01")).Out).RootElement.GetProperty("rows").EnumerateArray().ToArray();
        string? Indicator(string number) => rows.Single(r => r.GetProperty("number").GetString() == number).GetProperty("indicator") is { ValueKind: System.Text.Json.JsonValueKind.String } i ? i.GetString() : null;
        Assert.Equal("cos.students.profile_count", Indicator("19"));
        Assert.Null(Indicator("18"));
    }
}
