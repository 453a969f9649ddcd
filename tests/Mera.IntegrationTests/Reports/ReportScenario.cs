using System.Text;
using Mera.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mera.IntegrationTests.Reports;

/// <summary>
/// A district shaped like seed 002: 17 schools, equipment updated in 2021, 2023 and 2024 in one school each
/// (17,6 % against a plan of 5,7 %), 233 of 479 teachers trained (48,6 % against 50 %, 40 % in each school),
/// a quarter of platform data, a roadmap, collegium decisions, an agreement and some submissions. School 5 is
/// named like a spreadsheet formula.
/// </summary>
public sealed class ReportScenario : IAsyncLifetime
{
    public const string Period = "2024Q4";
    public const string AsOf = "2025-02-01";
    public const string FormulaName = "=1+1 МБОУ СОШ № 5";
    public static readonly int[] Trained = [8, 8, 8, 8, 8, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 28];

    public TestDatabase Db { get; private set; } = null!;

    public static string SchoolName(int i) => i == 5 ? FormulaName : $"МБОУ СОШ № {i}";

    public async Task InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync("sqlite");
        await Cli.OkAsync(Db, "db", "migrate");
        var registry = new StringBuilder(TestData.RegistryHeader + "\n");
        registry.Append("r1,Тестовая область,region,,,,,,0,0,\nm1,Енисейский район,municipality,r1,,,,,0,0,\n");
        for (var i = 1; i <= 17; i++)
        {
            registry.Append($"s{i},{SchoolName(i)},school,m1,{District.Inn(1000 + i)},240101001,,,0,0,s{i}@example.ru\n");
        }
        await Cli.OkAsync(Db, "orgs", "import", Cli.WriteFile("orgs.csv", registry.ToString()));

        var values = new StringBuilder(TestData.ValuesHeader + "\n");
        values.Append("s1,infra.equipment.updated,2021,1\ns2,infra.equipment.updated,2023,1\ns3,infra.equipment.updated,2024,1\n");
        for (var i = 1; i <= 17; i++)
        {
            var s = $"s{i}";
            values.Append($"{s},contingent.teachers,2024,{(i == 17 ? 31 : 28)}\n{s},training.teachers.cos,2024,{Trained[i - 1]}\n{s},contingent.students,2024,120\n");
            values.Append($"{s},educont.students.registered,{Period},{100 + i}\n{s},educont.students.confirmed,{Period},{80 + i}\n");
            values.Append($"{s},educont.teachers.registered,{Period},20\n{s},educont.teachers.confirmed,{Period},15\n");
            values.Append($"{s},openschool.students.registered,{Period},{90 + i}\n{s},openschool.students.inactive,{Period},10\n");
            values.Append($"{s},openschool.teachers.registered,{Period},25\n{s},openschool.teachers.inactive,{Period},3\n");
            // Earlier quarters for the trend chart.
            values.Append($"{s},openschool.students.registered,2024Q3,{80 + i}\n{s},educont.students.confirmed,2024Q3,{70 + i}\n");
        }
        await Cli.OkAsync(Db, "import", "values", Cli.WriteFile("values.csv", values.ToString()));
        await Cli.OkAsync(Db, "targets", "import", Cli.WriteFile("t.csv",
            "org,indicator,year,value\nm1,cos.orgs.equipped,2024,5.7\nm1,cos.teachers.trained,2024,50\nm1,dm.students.profile,2024,70\n"));
        await Cli.OkAsync(Db, "targets", "set", "--org", "m1", "--indicator", "cos.teachers.trained", "--year", "2024", "--value", "40", "--each-school");

        await Cli.OkAsync(Db, "roadmap", "import", Cli.WriteFile("roadmap.csv",
            "№ п/п\tНаименование мероприятия\tОтветственный\tРезультат\tСрок\tСоисполнители/исполнители\n1\t2\t3\t4\t5\t6\n" +
            "1.\tУтверждено должностное лицо, ответственное за внедрение ЦОС\tруководитель МОУО\tПриказ МКУ\t01.02.2024\tМКУ\n" +
            "2.\tПовышение квалификации педагогов по ЦОС\tмуниципальный координатор\tсправка\t31.12.2024\tруководители ОО\n"), "--org", "m1");
        await Cli.OkAsync(Db, "roadmap", "done", "--org", "m1", "--number", "1", "--on", "2024-01-25");
        await Cli.OkAsync(Db, "decisions", "import", Cli.WriteFile("decisions.csv",
            "Решение;Дата;Наименование решения;Пункт;Текст;Ответственный;Срок\n" +
            "2;19.12.2024;Об итогах реализации ЦОС;1.2;Отработать вопрос о повышении скорости сети интернет;МКУ «Управление образования»;до 28.01.2025\n"), "--org", "m1");
        await Cli.OkAsync(Db, "agreement", "import", Cli.WriteFile("annex1.tsv",
            "№ п/п\tНаименование результата (показателя)\tЗначения результатов (показателя) по годам\t\n\t\t2024\t2025\n1\t2\t3\t4\n" +
            "Региональный проект «Цифровая образовательная среда»\t\t\t\n" +
            "18.\tЧисленность обучающихся, для которых формируется цифровой образовательный профиль\t1500\t1800\n" +
            "21.\tЧисленность педагогических работников, прошедших повышение квалификации\t37, из них в цифровой форме 12\t40\n"),
            "--org", "m1", "--number", "01/0-2024-1", "--date", "14.02.2024");
        await Cli.OkAsync(Db, "agreement", "link", "--org", "m1", "--number", "01/0-2024-1", "--row", "18", "--indicator", "cos.students.profile_count");
        await SubmitAsync();
    }

    /// <summary>School 1 sent the Open School form on time, school 2 after the 20.12.2024 deadline; the others did not.</summary>
    private async Task SubmitAsync()
    {
        await using var db = Db.Db.CreateContext();
        var schools = await db.OrgUnits.Where(o => o.Code == "s1" || o.Code == "s2").ToDictionaryAsync(o => o.Code, o => o.Id);
        db.Submissions.Add(new Submission { OrgUnitId = schools["s1"], FormCode = "openschool", PeriodCode = Period, State = SubmissionState.Submitted,
            SubmittedAt = new DateTimeOffset(2024, 12, 15, 9, 0, 0, TimeSpan.FromHours(3)), SubmittedBy = "school1" });
        db.Submissions.Add(new Submission { OrgUnitId = schools["s2"], FormCode = "openschool", PeriodCode = Period, State = SubmissionState.Accepted,
            SubmittedAt = new DateTimeOffset(2024, 12, 25, 9, 0, 0, TimeSpan.FromHours(3)), SubmittedBy = "school2" });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await Db.DisposeAsync();
}
