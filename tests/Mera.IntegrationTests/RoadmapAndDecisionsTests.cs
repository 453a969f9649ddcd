using System.Text;

namespace Mera.IntegrationTests;

public class RoadmapAndDecisionsTests
{
    // Laid out like seed 004: a two-row header («Сроки реализации» over «Начало» / «Окончание»), blank numbers,
    // blank start dates, dates with trailing spaces.
    private const string Seed004 =
        "ПЛАН МЕРОПРИЯТИЙ;;;;;\n" +
        "по реализации регионального проекта «Цифровая образовательная среда»;;;;;\n" +
        "№ п/п;Наименование результата, мероприятия, контрольной точки;Сроки реализации;;Ответственный исполнитель;Вид документа и характеристика результата\n" +
        ";;Начало;Окончание;;\n" +
        ";Назначение ответственных лиц в ОО;11.01.2019;11.02.2019  ;Ноздрин М.В., руководители ОО;приказ, список ответственных лиц\n" +
        ";Участие в региональных семинарах;15.02.2019;30.04.2019;Ноздрин М.В.;участие\n" +
        ";Внедрение платформы ЦОС (все очереди);;31.12.2024;Ноздрин М.В. ;информационно-аналитический отчет\n" +
        ";Мониторинг обновления ресурсов;25.08.2019;31.12.2019;Ноздрин М.В.;справка по итогам мониторинга\n";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_seed_004_roadmap_gets_its_statuses_on_a_given_day(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await District.SetUpAsync(db, 1);
        var file = Cli.WriteFile("plan.csv", Seed004, Mera.Core.Reading.TextEncodingDetector.Windows1251);
        Assert.Contains("добавлено 4", (await Cli.OkAsync(db, "roadmap", "import", file, "--org", "m1")).Out);
        Assert.Contains("без изменений 4", (await Cli.OkAsync(db, "roadmap", "import", file, "--org", "m1")).Out);
        await Cli.OkAsync(db, "roadmap", "done", "--org", "m1", "--number", "1", "--on", "05.02.2019", "--comment", "приказ № 12");

        var items = (await Cli.OkAsync(db, "roadmap", "list", "--org", "m1", "--as-of", "2019-03-01", "--format", "json")).Json();
        Assert.Equal(4, items.Length);
        Assert.Equal(["1", "2", "3", "4"], items.Select(i => i.GetProperty("number").GetString()!).ToArray());
        Assert.Equal("Внедрение платформы ЦОС (все очереди)", items[2].GetProperty("title").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, items[2].GetProperty("start").ValueKind);
        Assert.Equal("2024-12-31", items[2].GetProperty("end").GetString());
        Assert.Equal("Ноздрин М.В., руководители ОО", items[0].GetProperty("responsible").GetString());
        Assert.Equal("приказ, список ответственных лиц", items[0].GetProperty("document").GetString());
        Assert.Equal(["done", "in_progress", "in_progress", "planned"], items.Select(i => i.GetProperty("status").GetString()!).ToArray());

        var later = (await Cli.OkAsync(db, "roadmap", "list", "--org", "m1", "--as-of", "01.05.2019", "--format", "json")).Json();
        Assert.Equal("overdue", later[1].GetProperty("status").GetString());
        Assert.Equal("просрочено", later[1].GetProperty("statusName").GetString());
    }

    [Fact]
    public async Task A_seed_003_roadmap_repeats_yearly()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await District.SetUpAsync(db, 1);
        var file = Cli.WriteFile("annex2.csv",
            "№ п/п\tНаименование мероприятия\tОтветственный\tРезультат\tСрок\tСоисполнители/исполнители\n1\t2\t3\t4\t5\t6\n" +
            "1.\tУтверждено должностное лицо\tруководитель МОУО\tПриказ МКУ\t01.02.2020\tМКУ\n" +
            "3.\tАпробация и применение платформы ЦОС\tмуниципальный координатор\tсводный отчет МОУО\t31.12.2020 далее ежегодно\tМКУ, руководители ОО\n");
        await Cli.OkAsync(db, "roadmap", "import", file, "--org", "m1");
        await Cli.OkAsync(db, "roadmap", "done", "--org", "m1", "--number", "3", "--on", "2020-12-20");
        var items = (await Cli.OkAsync(db, "roadmap", "list", "--org", "m1", "--as-of", "2021-06-01", "--format", "json")).Json();
        Assert.Equal("overdue", items[0].GetProperty("status").GetString());
        Assert.Equal("in_progress", items[1].GetProperty("status").GetString());
        Assert.Equal("2021-12-31", items[1].GetProperty("nextDeadline").GetString());
        Assert.Equal("МКУ, руководители ОО", items[1].GetProperty("coExecutors").GetString());
        var nextYear = (await Cli.OkAsync(db, "roadmap", "list", "--org", "m1", "--as-of", "2022-01-10", "--format", "json")).Json();
        Assert.Equal("overdue", nextYear[1].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Collegium_decisions_with_monthly_and_standing_deadlines()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await District.SetUpAsync(db, 1);
        var file = Cli.WriteFile("decisions.csv", new StringBuilder()
            .Append("Решение;Дата;Наименование решения;Пункт;Текст;Ответственный;Срок\n")
            .Append("5;20.12.2024;Об итогах внедрения ЦОС;1.1;Обеспечить контроль активности в ФГИС;МКУ «Управление образования»;ежемесячно до 25 числа\n")
            .Append("5;20.12.2024;Об итогах внедрения ЦОС;1.2;Повысить скорость интернета до 20 Мбит/с;МКУ «Управление образования»;до 28.02.2025\n")
            .Append("5;20.12.2024;Об итогах внедрения ЦОС;2.2;Перевести внутренние чаты в Сферум;Руководители ОУ;до 01.02.2025, далее постоянно.\n").ToString());
        await Cli.OkAsync(db, "decisions", "import", file, "--org", "m1");
        var list = (await Cli.OkAsync(db, "decisions", "list", "--org", "m1", "--as-of", "2025-01-10", "--format", "json")).Json();
        Assert.Equal(["overdue", "in_progress", "in_progress"], list.Select(i => i.GetProperty("status").GetString()!).ToArray());

        var monthly = list[0].GetProperty("id").GetInt32();
        await Cli.OkAsync(db, "decisions", "report", "--item", monthly.ToString(), "--note", "Сводка по активности направлена", "--on", "2025-01-24");
        var after = (await Cli.OkAsync(db, "decisions", "list", "--org", "m1", "--as-of", "2025-01-24", "--format", "json")).Json();
        Assert.Equal("done", after[0].GetProperty("status").GetString());
        Assert.Equal("2025-01-25", after[0].GetProperty("nextDeadline").GetString());
        var nextMonth = (await Cli.OkAsync(db, "decisions", "list", "--org", "m1", "--as-of", "2025-01-26", "--format", "json")).Json();
        Assert.Equal("in_progress", nextMonth[0].GetProperty("status").GetString()); // January reported, February's due 25.02
        Assert.Equal("2025-02-25", nextMonth[0].GetProperty("nextDeadline").GetString());
        var march = (await Cli.OkAsync(db, "decisions", "list", "--org", "m1", "--as-of", "2025-03-01", "--format", "json")).Json();
        Assert.Equal(["overdue", "overdue", "overdue"], march.Select(i => i.GetProperty("status").GetString()!).ToArray());
    }
}
