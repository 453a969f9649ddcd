using Mera.Core.Domain;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mera.BrowserTests;

[Trait("Category", "Calendar")]
[Collection(ServerCollection.Name)]
public class Journeys(MeraServer server)
{
    /// <summary>The running quarter on the server's clock: the demo leaves the demo school's form for it unfilled.</summary>
    private static readonly Period Quarter = TestClock.Quarter;
    private static readonly string QuarterName = Quarter.DisplayRu.Replace(" г.", "");

    /// <summary>As the monitor words it: sent by the deadline of the openschool form (the 20th of the quarter's last month).</summary>
    private static readonly bool OnTime = TestClock.Today <= DeadlineRule.Parse("last-month:20").DeadlineOf(Quarter);
    private static readonly string SentStatus = OnTime ? "отправлено в срок" : "отправлено с опозданием";
    private static readonly string AcceptedStatus = OnTime ? "принято" : "принято (сдано с опозданием)";
    private const string School = "МБОУ «Средняя общеобразовательная школа № 1» г. Енисейск";
    private const string Registered = "Количество обучающихся, зарегистрированных на образовательной онлайн-платформе «Открытая школа»";
    private const string Inactive = "Количество обучающихся, не выполнявших задания на платформе «Открытая школа» в отчетный период";
    private const string Teachers = "Количество педагогических работников, зарегистрированных на платформе «Открытая школа»";
    private const string TeachersInactive = "Количество педагогических работников, не открывавших уроки на платформе «Открытая школа» в отчетный период";

    [Fact]
    public async Task School_submits_municipality_returns_school_fixes_and_municipality_accepts()
    {
        var school = await server.SignInAsync("school1");
        await Expect(school.GetByRole(AriaRole.Heading, new() { Name = "Мои формы" })).ToBeVisibleAsync();
        await MeraServer.ShotAsync(school, "01-school-my-forms");
        await school.Locator("tr", new() { HasText = QuarterName }).GetByRole(AriaRole.Link, new() { Name = "Заполнить" }).ClickAsync();
        var form = new FormPage(school);
        await form.FillAsync((Registered, "380"), (Inactive, "90"), (Teachers, "46"), (TeachersInactive, "9"));
        await MeraServer.ShotAsync(school, "02-school-form-filled");
        await form.SubmitAsync();
        await Expect(school.GetByText("Форма отправлена в отдел образования.")).ToBeVisibleAsync();

        var officer = await server.SignInAsync("enisey");
        await officer.GotoAsync(server.BaseUrl + $"/monitor?form=openschool&period={Quarter.Code}");
        var monitor = new MonitorPage(officer);
        Assert.Equal(SentStatus, await monitor.StatusOfAsync(School));
        await MeraServer.ShotAsync(officer, "03-municipality-monitor");
        await monitor.DecideAsync(School, "Вернуть на доработку", "Уточните число педагогов: по ОО-1 их 47");
        Assert.Equal("возвращено на доработку", await monitor.StatusOfAsync(School));

        await school.GotoAsync(server.BaseUrl + "/school");
        await Expect(school.GetByText("Уточните число педагогов: по ОО-1 их 47")).ToBeVisibleAsync();
        await MeraServer.ShotAsync(school, "04-school-returned");
        await school.Locator("tr", new() { HasText = QuarterName }).GetByRole(AriaRole.Link, new() { Name = "Заполнить" }).ClickAsync();
        await form.FillAsync((Teachers, "47"));
        await form.SubmitAsync();
        await Expect(school.GetByText("Форма отправлена в отдел образования.")).ToBeVisibleAsync();

        await officer.ReloadAsync();
        await monitor.DecideAsync(School, "Принять выбранные");
        Assert.Equal(AcceptedStatus, await monitor.StatusOfAsync(School));
        await MeraServer.ShotAsync(officer, "05-municipality-accepted");

        await school.GotoAsync(server.BaseUrl + $"/forms/openschool/{Quarter.Code}?org=demo-enisey-s01");
        await Expect(school.GetByRole(AriaRole.Button, new() { Name = "Отправить" })).ToHaveCountAsync(0);
        await Expect(school.GetByLabel(Teachers)).ToHaveValueAsync("47");
    }

    [Fact]
    public async Task Municipality_imports_an_educont_export_after_checking_it()
    {
        var officer = await server.SignInAsync("enisey");
        var file = Path.Combine(Directory.CreateTempSubdirectory("mera-upload-").FullName, "educont-enisey.csv");
        // Two of the district's schools by INN (demo registry), one row of another district.
        await File.WriteAllTextAsync(file,
            "Муниципалитет;ИНН;Школа;Преподавателей зарегистрировано;Преподавателей подтверждено;Учеников зарегистрировано;Учеников подтверждено\n" +
            "Енисейский район;2440001009;СОШ № 1;44;41;380;350\nЕнисейский район;2440001016;СОШ № 2;30;28;300;290\n" +
            "Аксубаевский район;1603000000;Чужая;1;1;1;1\n", new System.Text.UTF8Encoding(true));
        await officer.GotoAsync(server.BaseUrl + "/imports");
        await officer.GetByLabel("Что загружается").SelectOptionAsync("educont");
        await officer.GetByLabel("Период", new() { Exact = true }).FillAsync(Quarter.DisplayRu); // typed in words
        await officer.GetByLabel("Файл (CSV, XLSX, XLS, DOCX или ZIP с шаблонами)").SetInputFilesAsync(file);
        await officer.GetByRole(AriaRole.Button, new() { Name = "Проверить" }).ClickAsync();
        await Expect(officer.GetByText("Пропущено строк других муниципалитетов: 1.")).ToBeVisibleAsync();
        await MeraServer.ShotAsync(officer, "06-import-preview");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Загрузить" }).ClickAsync();
        await Expect(officer.GetByText("Загружено файлов: 1 из 1; записано значений: 8.")).ToBeVisibleAsync();
        await Expect(officer.Locator("table tbody tr").First).ToContainTextAsync("educont-enisey.csv");
        await MeraServer.ShotAsync(officer, "07-import-journal");

        // Undo is asked once more before the values go back.
        await officer.Locator("table tbody tr").First.GetByRole(AriaRole.Button, new() { Name = "Отменить" }).ClickAsync();
        var question = officer.GetByRole(AriaRole.Alertdialog);
        await Expect(question).ToContainTextAsync("«educont-enisey.csv»");
        await Expect(question).ToContainTextAsync("8 значений вернутся к прежнему состоянию");
        await question.GetByRole(AriaRole.Button, new() { Name = "Отменить загрузку" }).ClickAsync();
        await Expect(officer.Locator("table tbody tr").First).ToContainTextAsync("отменено 8 значений");
    }

    [Fact]
    public async Task Region_compares_municipalities_and_drills_down_to_a_school()
    {
        var region = await server.SignInAsync("minobr");
        await Expect(region.GetByRole(AriaRole.Heading, new() { Name = "Демонстрационная область" })).ToBeVisibleAsync();
        await MeraServer.ShotAsync(region, "08-region-dashboard");
        await region.GotoAsync(server.BaseUrl + "/ranking");
        var rows = region.Locator("#ranking tbody tr");
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows.First.Locator("td").First).ToHaveTextAsync("1");
        await MeraServer.ShotAsync(region, "09-region-ranking");
        // Tables show short names («Енисейский район», «СОШ № 1 г. Енисейск»), the full name is the link's tooltip.
        await region.GetByRole(AriaRole.Link, new() { Name = "Енисейский район", Exact = true }).ClickAsync();
        await Expect(region.Locator("#children tbody tr")).ToHaveCountAsync(16);
        var schoolLink = region.Locator("#children").GetByRole(AriaRole.Link, new() { Name = "СОШ № 1 г. Енисейск", Exact = true });
        await Expect(schoolLink).ToHaveAttributeAsync("title", School);
        await schoolLink.ClickAsync();
        await Expect(region.GetByRole(AriaRole.Heading, new() { Name = School })).ToBeVisibleAsync();

        // Another region's officer would get «not found»; a school's user cannot open the region at all.
        var pupil = await server.SignInAsync("school1");
        var response = await pupil.GotoAsync(server.BaseUrl + "/dashboard?org=demo");
        Assert.Equal(404, response!.Status);
        await Expect(pupil.GetByText("Страница не найдена")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Admin_adds_a_formula_version_after_the_parser_refuses_a_broken_one_then_withdraws_it()
    {
        var admin = await server.SignInAsync("admin");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Методика" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Методика", Exact = true })).ToBeVisibleAsync();
        var card = admin.Locator("#ind-cos\\.orgs\\.website");
        await card.Locator("summary").ClickAsync();
        await card.GetByLabel("Новая версия с").FillAsync("01.01.2030");
        await card.GetByLabel("Числитель").FillAsync("infra.website.updated *");
        await card.GetByRole(AriaRole.Button, new() { Name = "Сохранить формулу" }).ClickAsync();

        // Refused in Russian with the position; the card stays open with the draft to correct.
        await Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync("числитель: Ошибка в формуле в позиции 24: неожиданный конец формулы");
        await Expect(card.GetByLabel("Числитель")).ToHaveValueAsync("infra.website.updated *");
        await card.GetByLabel("Числитель").FillAsync("infra.website.updated * if(org.is_rural, 1, 1)");
        await card.GetByRole(AriaRole.Button, new() { Name = "Сохранить формулу" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("с 01.01.2030 сохранена");
        var version = card.Locator("tr", new() { HasText = "01.01.2030" });
        await Expect(version).ToContainTextAsync("infra.website.updated * if(org.is_rural, 1, 1)");
        await MeraServer.ShotAsync(admin, "10-admin-methodology");

        await version.GetByRole(AriaRole.Button, new() { Name = "Удалить версию с 01.01.2030" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("с 01.01.2030 удалена");
        await Expect(card.Locator("tr", new() { HasText = "01.01.2030" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Admin_adds_the_regions_own_element_and_hears_why_a_form_mixing_periods_is_refused()
    {
        var admin = await server.SignInAsync("admin");
        await admin.GotoAsync(server.BaseUrl + "/catalog");
        var element = admin.Locator("#add-element");
        await element.Locator("summary").ClickAsync();
        await element.GetByLabel("Код", new() { Exact = true }).FillAsync("region.parents.registered");
        await element.GetByLabel("Название", new() { Exact = true }).FillAsync("Численность родителей, зарегистрированных в ФГИС «Моя школа»");
        await element.GetByLabel("Период", new() { Exact = true }).SelectOptionAsync("Quarter");
        await element.GetByRole(AriaRole.Button, new() { Name = "Добавить" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Подпоказатель «Численность родителей, зарегистрированных в ФГИС «Моя школа»» добавлен.");
        await Expect(admin.Locator("#el-region\\.parents\\.registered")).ToBeVisibleAsync();

        // A form of a quarterly and a yearly element is refused, and the form to correct stays open.
        var form = admin.Locator("#add-form");
        await form.Locator("summary").ClickAsync();
        await form.GetByLabel("Код", new() { Exact = true }).FillAsync("region-parents");
        await form.GetByLabel("Название", new() { Exact = true }).FillAsync("Регистрация родителей в ФГИС «Моя школа»");
        await form.GetByLabel("Подпоказатели (того же периода)").SelectOptionAsync(["region.parents.registered", "contingent.students"]);
        await form.GetByRole(AriaRole.Button, new() { Name = "Добавить" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync("собирается за период «год», а форма — за «квартал»");
        await Expect(admin.Locator("#add-form")).ToHaveAttributeAsync("open", "open");
        await MeraServer.ShotAsync(admin, "13-admin-region-catalog");
        await admin.SetViewportSizeAsync(390, 844);
        await MeraServer.ShotAsync(admin, "13-admin-region-catalog-390");
        await admin.SetViewportSizeAsync(1366, 900);
    }

    [Fact]
    public async Task Municipality_sends_its_summary_to_the_region_and_the_ministry_accepts_it_on_one_screen()
    {
        var last = TestClock.LastQuarter.DisplayRu.Replace(" г.", "");
        var officer = await server.SignInAsync("enisey");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Сроки" }).ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Heading, new() { Name = "Сроки отчётов в министерство" })).ToBeVisibleAsync();
        var summary = officer.Locator("#obligations tr", new() { HasText = "Сводная" }).Filter(new() { HasText = last });
        await summary.GetByRole(AriaRole.Button, new() { Name = "Отправить" }).ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Status)).ToContainTextAsync("отправлена в министерство");
        await MeraServer.ShotAsync(officer, "11-municipality-obligations");

        var region = await server.SignInAsync("minobr");
        await region.GotoAsync(server.BaseUrl + "/obligations");
        await Expect(region.Locator("#obligations tbody tr.table-secondary")).ToHaveCountAsync(3); // every municipality of the region
        var sent = region.Locator("#obligations tr", new() { HasText = "Сводная" }).Filter(new() { HasText = last }).Filter(new() { HasText = "отправлено" });
        await Expect(sent).ToHaveCountAsync(1);
        await Expect(sent.GetByRole(AriaRole.Link, new() { Name = "файл, как отправлен" })).ToBeVisibleAsync();
        await sent.GetByRole(AriaRole.Checkbox).CheckAsync();
        await region.GetByRole(AriaRole.Button, new() { Name = "Принять выбранные" }).ClickAsync();
        await Expect(region.GetByRole(AriaRole.Status)).ToContainTextAsync("Принято отчётов: 1.");
        await Expect(region.Locator("#obligations tr", new() { HasText = "Сводная" }).Filter(new() { HasText = last }).Filter(new() { HasText = "принято" })).ToHaveCountAsync(1);
        await MeraServer.ShotAsync(region, "12-region-obligations");
        await region.SetViewportSizeAsync(390, 844);
        await MeraServer.ShotAsync(region, "12-region-obligations-390");

        // The schools' forms too, grouped under their municipality, not a flat list of the region's schools.
        await region.SetViewportSizeAsync(1366, 900);
        await region.GotoAsync(server.BaseUrl + "/monitor");
        await Expect(region.Locator("#monitor tbody tr.table-secondary")).ToHaveCountAsync(3);
        await MeraServer.ShotAsync(region, "14-region-monitor");
    }

    [Fact]
    public async Task An_officer_chooses_daily_notices_and_sees_the_token_state()
    {
        var officer = await server.SignInAsync("enisey");
        await officer.GotoAsync(server.BaseUrl + "/account");
        await Expect(officer.Locator("#token-state")).ToContainTextAsync("Действующего токена нет");
        await officer.GetByLabel("Отправка, приёмка и возврат отчётов").SelectOptionAsync(new SelectOptionValue { Label = "раз в день одним письмом" });
        await officer.Locator("#notices").GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
        await Expect(officer.GetByText("Настройки уведомлений сохранены.")).ToBeVisibleAsync();
        await Expect(officer.GetByLabel("Отправка, приёмка и возврат отчётов")).ToHaveValueAsync("true");
        await MeraServer.ShotAsync(officer, "13-account");
        await officer.SetViewportSizeAsync(390, 844);
        await MeraServer.ShotAsync(officer, "13-account-390");
    }

    [Fact]
    public async Task An_officer_signs_reports_with_her_name_and_phone_not_her_login()
    {
        var officer = await server.SignInAsync("enisey");
        await officer.GotoAsync(server.BaseUrl + "/account");
        await officer.GetByLabel("Рабочий телефон").FillAsync("8 (39195) 2-22-22");
        await officer.Locator("#executor").GetByRole(AriaRole.Button, new() { Name = "Сохранить" }).ClickAsync();
        await Expect(officer.GetByText("Телефон сохранён")).ToBeVisibleAsync();

        await officer.GotoAsync(server.BaseUrl + "/agreement");
        await Expect(officer.Locator("body")).Not.ToContainTextAsync("cos.");
        await MeraServer.ShotAsync(officer, "15-agreement");
        await officer.Locator(".report-menu summary").ClickAsync();
        // The menu offers the last complete quarter, never the running one.
        await Expect(officer.Locator(".report-menu")).ToContainTextAsync($"Отчёт о достижении за {Quarter.Previous().DisplayRu}");
        var download = await officer.RunAndWaitForDownloadAsync(() =>
            officer.Locator(".report-menu a[href*='agreement-quarter.docx']").ClickAsync());
        var path = Path.Combine(Directory.CreateTempSubdirectory("mera-browser-dl-").FullName, "aq.docx");
        await download.SaveAsAsync(path);
        using (var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(path, false))
        {
            var text = docx.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("Исполнитель: Смирнова Ольга Ивановна", text);
            Assert.Contains("тел. 8 (39195) 2-22-22", text);
            Assert.DoesNotContain("enisey", text);
        }
        await officer.SetViewportSizeAsync(390, 844);
        await officer.GotoAsync(server.BaseUrl + "/agreement");
        await MeraServer.ShotAsync(officer, "15-agreement-390");
    }
}
