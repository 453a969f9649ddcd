using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Mera.IntegrationTests.Imports;

/// <summary>
/// Issue 20: the seeds' tables as officials have them — Word tables (merged header cells, the header and the
/// «1 2 3 …» row repeated after a page break, soft hyphens, line breaks in cells) and Russian-locale Excel (numbers
/// like «1.1.» and deadlines stored as dates) — read row by row as the seed prints them; an amended roadmap keeps
/// every mark on its activity. Fixtures: Fixtures/Seeds (made by LibreOffice, see make.sh there).
/// </summary>
public class OfficialDocumentsTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Seeds", name);

    /// <summary>The seed's rows: cells as printed, a line break inside a cell written «\n».</summary>
    private static List<string[]> SeedRows(string tsv) => File.ReadAllLines(Fixture(tsv)).Where(l => !l.StartsWith('#')).Skip(1)
        .Select(l => l.Split('\t').Select(c => string.Join(' ', c.Replace("\\n", "\n").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToArray())
        .Where(r => r.Any(c => c.Length > 0) && !r.Select((c, i) => c == (i + 1).ToString()).All(x => x))
        .ToList();

    private static string? Date(string text) => text.Length == 0 ? null
        : DateOnly.ParseExact(text, "dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture).ToString("yyyy-MM-dd");

    private static string? Str(JsonElement item, string name) => item.GetProperty(name).ValueKind == JsonValueKind.Null ? null : item.GetProperty(name).GetString();

    [Theory]
    [InlineData("roadmap-004.docx")]
    [InlineData("roadmap-004.ru.xlsx")]
    public async Task The_seed_004_roadmap_is_read_row_by_row_as_printed(string file)
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await District.SetUpAsync(db, 1);
        var import = await Cli.OkAsync(db, "roadmap", "import", Fixture(file), "--org", "m1");
        Assert.Contains("добавлено 48", import.Out);

        var seed = SeedRows("roadmap-004.tsv");
        var items = (await Cli.OkAsync(db, "roadmap", "list", "--org", "m1", "--as-of", "2019-03-01", "--format", "json")).Json();
        Assert.Equal(seed.Count, items.Length);
        for (var i = 0; i < seed.Count; i++)
        {
            var (row, item) = (seed[i], items[i]);
            Assert.Equal((i + 1).ToString(), Str(item, "number"));
            Assert.Equal(row[1], Str(item, "title"));
            Assert.Equal(Date(row[2]), Str(item, "start"));
            Assert.Equal(Date(row[3]), Str(item, "end"));
            Assert.Equal(row[4].Length == 0 ? null : row[4], Str(item, "responsible"));
            Assert.Equal(row[5].Length == 0 ? null : row[5], Str(item, "document"));
        }
    }

    [Theory]
    [InlineData("annex2-003.docx")]
    [InlineData("annex2-003.ru.xlsx")]
    public async Task Annex_2_of_seed_003_keeps_its_numbers_and_the_deadlines_Excel_stored_as_dates(string file)
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await District.SetUpAsync(db, 1);
        await Cli.OkAsync(db, "roadmap", "import", Fixture(file), "--org", "m1");
        var seed = SeedRows("annex2-003.tsv");
        var items = (await Cli.OkAsync(db, "roadmap", "list", "--org", "m1", "--as-of", "2020-06-01", "--format", "json")).Json();
        Assert.Equal(seed.Select(r => r[0].TrimEnd('.')), items.Select(i => Str(i, "number")));
        Assert.Equal(seed.Select(r => r[1]), items.Select(i => Str(i, "title")));
        Assert.Equal(seed.Select(r => r[4]), items.Select(i => Str(i, "deadline")));
        // Items 1–2 were due 01.02.2020 (a date cell in Excel): overdue in June, not «в работе».
        Assert.Equal(["overdue", "overdue"], items.Take(2).Select(i => Str(i, "status")));
    }

    [Fact]
    public async Task Decision_item_numbers_that_Russian_Excel_made_dates_are_read_back_with_a_warning_naming_the_cell()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await District.SetUpAsync(db, 1);
        var run = await Cli.OkAsync(db, "decisions", "import", Fixture("decisions-002.ru.xlsx"), "--org", "m1");
        Assert.Contains("в ячейке D2 номер сохранён как дата 01.01.", run.Error);
        Assert.Contains("прочитан как «1.1.»", run.Error);
        var seed = SeedRows("decisions-002.tsv");
        var items = (await Cli.OkAsync(db, "decisions", "list", "--org", "m1", "--as-of", "2025-01-10", "--format", "json")).Json();
        Assert.Equal(seed.Select(r => r[3].TrimEnd('.')), items.Select(i => Str(i, "number")));
        Assert.Equal(seed.Select(r => r[6]), items.Select(i => Str(i, "deadline")));

        await using var fromWord = await TestDatabase.CreateAsync("sqlite");
        await District.SetUpAsync(fromWord, 1);
        var word = await Cli.OkAsync(fromWord, "decisions", "import", Fixture("decisions-002.docx"), "--org", "m1");
        Assert.DoesNotContain("Предупреждение", word.Error);
        var wordItems = (await Cli.OkAsync(fromWord, "decisions", "list", "--org", "m1", "--as-of", "2025-01-10", "--format", "json")).Json();
        Assert.Equal(items.Select(i => Str(i, "text")), wordItems.Select(i => Str(i, "text")));
    }

    [Theory]
    [InlineData("decision-002.txt")]
    [InlineData("decision-002.docx")]
    public async Task A_decision_written_as_prose_is_read_item_by_item_as_the_seed_prints_it(string file)
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await District.SetUpAsync(db, 1);
        var dryRun = await Cli.OkAsync(db, "decisions", "import", Fixture(file), "--org", "m1", "--dry-run");
        Assert.Contains("пункт 2/1.1 — Обеспечить координацию и контроль", dryRun.Out);
        Assert.Contains("ответственный: МКУ «Управление образования»; срок: ежемесячно до 25 числа", dryRun.Out);
        Assert.Contains("Проверка, ничего не записано. Решений 1, пунктов 5.", dryRun.Out);
        Assert.DoesNotContain("не размещено", dryRun.Out);
        Assert.Empty((await Cli.OkAsync(db, "decisions", "list", "--org", "m1", "--format", "json")).Json());

        await Cli.OkAsync(db, "decisions", "import", Fixture(file), "--org", "m1");
        var seed = SeedRows("decisions-002.tsv");
        var items = (await Cli.OkAsync(db, "decisions", "list", "--org", "m1", "--as-of", "2025-01-10", "--format", "json")).Json();
        Assert.Equal(seed.Select(r => r[3].TrimEnd('.')), items.Select(i => Str(i, "number")));
        Assert.Equal(seed.Select(r => r[4]), items.Select(i => string.Join(' ', Str(i, "text")!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))));
        Assert.Equal(seed.Select(r => r[5]), items.Select(i => Str(i, "responsible")));
        Assert.Equal(seed.Select(r => r[6].TrimEnd('.')), items.Select(i => Str(i, "deadline")));
        Assert.All(items, i => Assert.Equal(("2", "2024-12-19"), (Str(i, "decision"), Str(i, "decisionDate"))));
        Assert.StartsWith("Об итогах реализации регионального проекта", Str(items[0], "decisionTitle"));
        Assert.Equal("overdue", Str(items.Single(i => Str(i, "number") == "2.1"), "status")); // до 28.12.2024

        var stray = Cli.WriteFile("решение.txt", "Решение коллегии\n20.01.2025\n№ 3\nО повестке\nКоллегия РЕШИЛА:\n"
            + "1. Отделу общего образования:\n1.1. Провести семинар для заместителей директоров.\nСрок: в кратчайшие сроки\n"
            + "Информацию направить в отдел до конца недели.\n1.2. Составить график проверок.\nСрок: по отдельному графику\nПредседатель\n");
        var listed = await Cli.OkAsync(db, "decisions", "import", stray, "--org", "m1");
        Assert.Contains("не размещено: абзац 9: «Информацию направить в отдел до конца недели.»", listed.Out);
        var third = (await Cli.OkAsync(db, "decisions", "list", "--org", "m1", "--as-of", "2025-01-25", "--format", "json")).Json()
            .Where(i => Str(i, "decision") == "3").ToList();
        Assert.Equal(["asap", "by_schedule"], third.Select(i => Str(i, "deadlineKind")));
        Assert.Equal(["Отделу общего образования", "Отделу общего образования"], third.Select(i => Str(i, "responsible")));
        Assert.Equal(["in_progress", "in_progress"], third.Select(i => Str(i, "status")));
        var late = (await Cli.OkAsync(db, "decisions", "list", "--org", "m1", "--as-of", "2025-02-05", "--format", "json")).Json()
            .Where(i => Str(i, "decision") == "3").Select(i => Str(i, "status"));
        Assert.Equal(["overdue", "in_progress"], late); // «в кратчайшие сроки»: 10 days after 20.01.2025
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_amended_roadmap_keeps_every_mark_on_its_activity(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await District.SetUpAsync(db, 1);
        await Cli.OkAsync(db, "roadmap", "import", Fixture("roadmap-004.docx"), "--org", "m1");
        var before = (await Cli.OkAsync(db, "roadmap", "list", "--org", "m1", "--format", "json")).Json();
        string Title(int number) => Str(before[number - 1], "title")!;
        await Cli.OkAsync(db, "roadmap", "done", "--org", "m1", "--number", "2", "--on", "10.02.2019", "--comment", "приказ № 12");
        await Cli.OkAsync(db, "roadmap", "done", "--org", "m1", "--number", "20", "--on", "15.12.2021");
        await Cli.OkAsync(db, "roadmap", "done", "--org", "m1", "--number", "30", "--on", "20.12.2022");

        var marked = (await Cli.OkAsync(db, "roadmap", "list", "--org", "m1", "--format", "json")).Json();

        // The official opens the Word file, inserts an activity after the first and deletes the 30th.
        var amended = Amend(Fixture("roadmap-004.docx"), insertAfterTitle: Title(1), removeTitle: Title(30));
        var dryRun = await Cli.OkAsync(db, "roadmap", "import", amended, "--org", "m1", "--dry-run");
        Assert.Contains("добавлено: № 2 «Согласование плана с руководителями", dryRun.Out);
        Assert.Contains($"исключено (в архив с отметкой о выполнении): № 30", dryRun.Out);
        Assert.Contains("добавлено 1, изменено 28, исключено 1", dryRun.Out);
        Assert.Equal(marked.Select(i => Str(i, "completedOn")), (await Cli.OkAsync(db, "roadmap", "list", "--org", "m1", "--format", "json")).Json().Select(i => Str(i, "completedOn")));

        await Cli.OkAsync(db, "roadmap", "import", amended, "--org", "m1");
        var after = (await Cli.OkAsync(db, "roadmap", "list", "--org", "m1", "--as-of", "2019-03-01", "--format", "json")).Json();
        Assert.Equal(48, after.Length);
        var done = after.Where(i => Str(i, "completedOn") is not null).ToDictionary(i => Str(i, "title")!, i => Str(i, "completedOn"));
        Assert.Equal(new Dictionary<string, string?> { [Title(2)] = "2019-02-10", [Title(20)] = "2021-12-15" }, done);
        Assert.Equal("3", Str(after.Single(i => Str(i, "title") == Title(2)), "number"));
        Assert.Equal("приказ № 12", Str(after.Single(i => Str(i, "title") == Title(2)), "comment"));
        Assert.Equal("done", Str(after.Single(i => Str(i, "title") == Title(2)), "status"));
        Assert.DoesNotContain(after, i => Str(i, "title") == Title(30));
        // The removed activity and its mark are archived, not lost.
        await using var context = db.Db.CreateContext();
        var archived = Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(context.RoadmapItems)
            .Where(i => i.ArchivedAt != null).ToList();
        Assert.Equal((Title(30), new DateOnly(2022, 12, 20)), (Assert.Single(archived).Title, archived[0].CompletedOn!.Value));

        Assert.Contains("без изменений 48", (await Cli.OkAsync(db, "roadmap", "import", amended, "--org", "m1")).Out);
    }

    [Fact]
    public async Task Old_Word_files_and_missing_tables_are_refused_in_words_that_say_what_to_do()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await District.SetUpAsync(db, 1);
        var doc = Path.Combine(Directory.CreateTempSubdirectory("mera-doc-").FullName, "план.doc");
        File.WriteAllBytes(doc, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. System.Text.Encoding.Unicode.GetBytes("WordDocument"), .. new byte[512]]);
        var old = await Cli.RunAsync(db, "roadmap", "import", doc, "--org", "m1");
        Assert.NotEqual(0, old.ExitCode);
        Assert.Contains("план.doc: документ в старом формате Word (.doc или .rtf) не читается: откройте его в Word или LibreOffice и сохраните как «Документ Word (.docx)»", old.Error);

        var missing = await Cli.RunAsync(db, "roadmap", "import", Fixture("roadmap-004.docx"), "--org", "m1", "--table", "3");
        Assert.Contains("таблицы № 3 в документе нет: в нём 1 таблица", missing.Error);
        Assert.Contains("добавлено 48", (await Cli.OkAsync(db, "roadmap", "import", Fixture("roadmap-004.docx"), "--org", "m1", "--table", "1")).Out);
    }

    [Theory]
    [InlineData("targets-004.docx")]
    [InlineData("targets-004.ru.xlsx")]
    public async Task The_seed_004_target_table_is_imported_as_printed_once_the_region_adds_its_own_indicators(string file)
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await Cli.OkAsync(db, "db", "migrate");
        await Cli.OkAsync(db, "orgs", "import", Cli.WriteFile("orgs.csv", new TestData.RegistryBuilder()
            .Unit("orb", "Оренбургская область", "region")
            .Unit("asek", "Асекеевский муниципальный район", "municipality", parent: "orb")
            .Unit("asek-s1", "МБОУ «Асекеевская СОШ»", "school", parent: "asek", inn: District.Inn(1), kpp: "560101001").ToString()));

        var refused = await Cli.RunAsync(db, "targets", "import", Fixture(file), "--org", "orb", "--dry-run");
        Assert.Equal(1, refused.ExitCode);
        var errors = string.Join(' ', refused.Error.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("показатель «Доля муниципальных образований Оренбургской области,в которых внедр…» не найден в каталоге (похожих показателей нет)", errors);
        Assert.Contains("показатель «Доля обучающихся общего образования, использующих федеральную инфор…» не найден в каталоге (ближайшие: cos.students.access", errors);
        Assert.Contains("2018 год: показатель «Доля образовательных организаций, обеспеченных Интернет-соединением", errors);
        Assert.Contains("загрузите значения с 2020 года (--from-year 2020)", errors);

        // The region adds what its table measures and Mera has no place for.
        await Cli.OkAsync(db, "catalog", "element", "add", "--code", "region.munis.cos_model", "--name", "Целевая модель ЦОС внедрена",
            "--type", "flag", "--period-type", "year", "--supplier", "municipality", "--unit", "да/нет");
        await Cli.OkAsync(db, "catalog", "element", "add", "--code", "region.munis.counted", "--name", "Муниципальное образование учитывается",
            "--type", "flag", "--period-type", "year", "--supplier", "municipality", "--unit", "да/нет");
        await Cli.OkAsync(db, "catalog", "indicator", "add", "--code", "region.munis.cos_model_share", "--from", "01.01.2018",
            "--name", "Доля муниципальных образований, в которых внедрена целевая модель цифровой образовательной среды",
            "--numerator", "region.munis.cos_model", "--denominator", "region.munis.counted");
        await Cli.OkAsync(db, "catalog", "element", "add", "--code", "region.pupils.horizontal", "--period-type", "year",
            "--name", "Численность обучающихся, использующих платформу ЦОС для «горизонтального» обучения");
        await Cli.OkAsync(db, "catalog", "indicator", "add", "--code", "region.pupils.horizontal_share", "--from", "01.01.2020",
            "--name", "Доля обучающихся, использующих федеральную платформу цифровой образовательной среды для «горизонтального» обучения и неформального образования",
            "--numerator", "region.pupils.horizontal", "--denominator", "contingent.students");
        Assert.Contains("уже есть в каталоге", (await Cli.RunAsync(db, "catalog", "indicator", "add", "--code", "cos.orgs.internet", "--from", "01.01.2020",
            "--name", "Подмена", "--numerator", "region.munis.cos_model", "--denominator", "region.munis.counted")).Error);

        var dryRun = await Cli.OkAsync(db, "targets", "import", Fixture(file), "--org", "orb", "--from-year", "2020", "--dry-run");
        var shown = string.Join(' ', dryRun.Out.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("«Доля образовательных организаций, расположенных на территорииОренбу…» → cos.orgs.internet", shown);
        Assert.Contains("(сходство 0,", shown);
        Assert.Contains("→ region.munis.cos_model_share", shown);
        Assert.Contains("→ region.pupils.horizontal_share", shown);
        Assert.Contains("в таблице нет строк со значениями", shown);
        Assert.Contains("Не загружены годы до 2020: 2018, 2019.", shown);
        Assert.Contains("Проверка, ничего не записано.", shown);
        Assert.Contains("добавлено 15", (await Cli.OkAsync(db, "targets", "import", Fixture(file), "--org", "orb", "--from-year", "2020")).Out);

        await using var context = db.Db.CreateContext();
        var internet = context.Targets.Where(t => t.IndicatorCode == "cos.orgs.internet").OrderBy(t => t.Year).ToList();
        Assert.Equal([70.0, 75, 85, 95, 100], internet.Select(t => t.Value));
        Assert.All(internet, t => Assert.Equal((0.0, new DateOnly(2018, 11, 1)), (t.BaseValue!.Value, t.BaseDate!.Value)));
        Assert.Equal([3.0, 5, 9, 15, 20], context.Targets.Where(t => t.IndicatorCode == "region.pupils.horizontal_share").OrderBy(t => t.Year).Select(t => t.Value));
    }

    /// <summary>A copy of a roadmap in Word with one activity inserted (a copy of a row, retitled) and one row deleted.</summary>
    private static string Amend(string path, string insertAfterTitle, string removeTitle)
    {
        var copy = Path.Combine(Directory.CreateTempSubdirectory("mera-amended-").FullName, "план (ред. 2).docx");
        File.Copy(path, copy);
        using var document = WordprocessingDocument.Open(copy, true);
        var rows = document.MainDocumentPart!.Document!.Body!.Descendants<Table>().First().Elements<TableRow>().ToList();
        static string Text(TableRow row)
        {
            var paragraphs = row.Elements<TableCell>().ElementAt(1).Elements<Paragraph>()
                .Select(p => string.Concat(p.Descendants().Select(e => e is Text t ? t.Text : e is Break ? " " : "")));
            return string.Join(' ', string.Join(' ', paragraphs).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        }
        var after = rows.First(r => Text(r) == insertAfterTitle);
        var inserted = (TableRow)after.CloneNode(true);
        var title = inserted.Elements<TableCell>().ElementAt(1);
        title.RemoveAllChildren<Paragraph>();
        title.Append(new Paragraph(new Run(new Text("Согласование плана с руководителями образовательных организаций"))));
        after.InsertAfterSelf(inserted);
        rows.First(r => Text(r) == removeTitle).Remove();
        return copy;
    }
}
