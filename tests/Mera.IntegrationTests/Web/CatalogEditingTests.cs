using System.Net;
using Mera.Core.Features;
using Mera.Core.Features.Catalog;
using Mera.Core.Features.Indicators;
using Mera.Core.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Mera.IntegrationTests.Web;

/// <summary>Issue 9 §4: an admin follows the region's methodology in the web, without a new release.</summary>
[Trait("Category", "Calendar")]
public class CatalogEditingTests
{
    private const string Indicator = "dm.students.profile";

    private static async Task<Core.Engine.IndicatorResult> EniseyAsync(TestDatabase db, string period) =>
        (await ComputeIndicators.RunAsync(db.Db, new ComputeIndicators.Query("demo-enisey", period, Indicators: [Indicator], AsOf: TestClock.Today))).Single();

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_formula_version_applies_from_its_date_and_survives_an_upgrade(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = await MeraApp.StartAsync(db);
        var (before, last) = (TestClock.LastQuarter.Previous().Code, TestClock.LastQuarter);
        var q2 = await EniseyAsync(db, before);
        var q3 = await EniseyAsync(db, last.Code);
        Assert.True(q3.Numerator > 0, "the demo has Q3 values");

        var admin = await app.SignInAsync("admin");
        var saved = await admin.PostAsync($"/catalog?handler=formula&code={Indicator}", await MeraApp.FormAsync(admin, "/catalog", new()
        {
            ["from"] = last.Start.ToString("dd.MM.yyyy"), ["numerator"] = "2 * openschool.students.registered", ["denominator"] = "contingent.students",
        }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains($"с {last.Start:dd.MM.yyyy} сохранена", await admin.GetStringAsync("/catalog"));

        var after = await EniseyAsync(db, last.Code);
        Assert.Equal(2 * q3.Numerator, after.Numerator);
        Assert.Equal(q3.Denominator, after.Denominator);
        Assert.Equal(2 * q3.Value!.Value, after.Value!.Value, 6);
        Assert.Equal("2 * openschool.students.registered", after.NumeratorFormula);
        Assert.Equal(q2.Value, (await EniseyAsync(db, before)).Value); // a period that ended before keeps its version

        await admin.PostAsync($"/catalog?handler=indicator&code={Indicator}", await MeraApp.FormAsync(admin, "/catalog", new()
        {
            ["name"] = "Доля обучающихся с цифровым профилем (методика края)", ["groupName"] = "Цифровая зрелость",
        }));
        await Cli.OkAsync(db, "db", "migrate"); // an upgrade re-syncs the built-in catalog
        var upgraded = await EniseyAsync(db, last.Code);
        Assert.Equal(after.Value, upgraded.Value);
        Assert.Equal("Доля обучающихся с цифровым профилем (методика края)", upgraded.Name);

        await using var context = db.Db.CreateContext();
        var audit = await context.AuditLog.Where(a => a.Action.StartsWith("catalog.")).ToListAsync();
        Assert.Contains(audit, a => a is { Action: "catalog.formula", User: "admin" } && a.Details!.Contains("стало: (2 * openschool.students.registered)"));
        Assert.Contains(audit, a => a.Action == "catalog.indicator" && a.Details!.Contains("методика края"));
    }

    [Fact]
    public async Task Bad_formulas_and_rules_are_refused_in_russian_and_change_nothing()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await Cli.OkAsync(db, "db", "migrate");
        var clock = db.Clock;
        async Task<string> Refused(Func<Task> action) => (await Assert.ThrowsAsync<OperationRefusedException>(action)).Message;

        Assert.Contains("числитель: Ошибка в формуле в позиции 33: неожиданный конец формулы",
            await Refused(() => SaveFormulaVersion.RunAsync(db.Db, new(Indicator, new DateOnly(2027, 1, 1), "openschool.students.registered +", "contingent.students", "admin"), clock)));
        Assert.Contains("неизвестные подпоказатели «contingent.pupils»",
            await Refused(() => SaveFormulaVersion.RunAsync(db.Db, new(Indicator, new DateOnly(2027, 1, 1), "openschool.students.registered", "contingent.pupils", "admin"), clock)));
        Assert.Contains("знаменатель обязателен",
            await Refused(() => SaveFormulaVersion.RunAsync(db.Db, new(Indicator, new DateOnly(2027, 1, 1), "openschool.students.registered", " ", "admin"), clock)));
        Assert.Contains("знаменатель должен быть пустым",
            await Refused(() => SaveFormulaVersion.RunAsync(db.Db, new("cos.students.profile_count", new DateOnly(2027, 1, 1), "openschool.students.registered", "contingent.students", "admin"), clock)));
        Assert.Contains("Неверное правило срока \"до 20 числа\"",
            await Refused(() => EditForm.RunAsync(db.Db, new("openschool", "Открытая школа", "до 20 числа", "5,1", "admin"), clock)));
        Assert.Contains("«7 дней» — не число дней",
            await Refused(() => EditForm.RunAsync(db.Db, new("openschool", "Открытая школа", "last-month:20", "7 дней", "admin"), clock)));
        Assert.Contains("единственную версию формулы удалить нельзя",
            await Refused(() => RemoveFormulaVersion.RunAsync(db.Db, new(Indicator, new DateOnly(2020, 1, 1), "admin"), clock)));

        await using var context = db.Db.CreateContext();
        Assert.Equal(1, await context.IndicatorFormulas.CountAsync(f => f.IndicatorId == context.Indicators.Single(i => i.Code == Indicator).Id));
        Assert.False(await context.AuditLog.AnyAsync(a => a.Action.StartsWith("catalog.")));
        Assert.Null((await context.Forms.SingleAsync(f => f.Code == "openschool")).EditedAt);
    }

    [Fact]
    public async Task A_new_deadline_and_reminder_days_drive_the_reminders()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await Cli.OkAsync(db, "db", "migrate");
        await Cli.OkAsync(db, "demo");
        var clock = db.Clock;
        var quarter = TestClock.Quarter;
        var deadline = new DateOnly(quarter.End.Year, quarter.End.Month, 10);
        await EditForm.RunAsync(db.Db, new("openschool", "Отчёт по «Открытой школе»", "last-month:10", "1, 3, 3", "admin"), clock);

        await using (var context = db.Db.CreateContext())
        {
            var form = await context.Forms.SingleAsync(f => f.Code == "openschool");
            Assert.Equal(("last-month:10", "3,1"), (form.DeadlineRule, form.ReminderDays));
            Assert.Equal(deadline, form.DeadlineOf(quarter));
        }
        // The demo school has not sent the running quarter, so the reminder is due for it.
        var threeDaysBefore = await PlanReminders.RunAsync(db.Db, deadline.AddDays(-3));
        Assert.Contains(threeDaysBefore, r => r.Form == "openschool" && r.Kind == "before_deadline" && r.Period == quarter.Code);
        var fiveDaysBefore = await PlanReminders.RunAsync(db.Db, deadline.AddDays(-5));
        Assert.DoesNotContain(fiveDaysBefore, r => r is { Form: "openschool", Kind: "before_deadline" });

        await Cli.OkAsync(db, "db", "migrate");
        await using var after = db.Db.CreateContext();
        Assert.Equal("Отчёт по «Открытой школе»", (await after.Forms.SingleAsync(f => f.Code == "openschool")).Name);
    }

    [Fact]
    public async Task Only_the_admin_may_post_catalog_changes()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var app = await MeraApp.StartAsync(db);
        foreach (var login in new[] { "minobr", "enisey", "school1", "viewer" })
        {
            var client = await app.SignInAsync(login);
            var token = await MeraApp.TokenAsync(client, "/dashboard");
            var response = await client.PostAsync("/catalog?handler=form&code=openschool", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["name"] = "Чужое название", ["deadlineRule"] = "end+1d", ["reminderDays"] = "1", ["__RequestVerificationToken"] = token,
            }));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        await using var context = db.Db.CreateContext();
        Assert.Equal("last-month:20", (await context.Forms.SingleAsync(f => f.Code == "openschool")).DeadlineRule);
    }

    /// <summary>
    /// Issue 16: «Удалить» answered 500 under load. Two clicks (or two admins) withdrawing versions at once read the
    /// same versions and both deleted: the second delete found no row (a concurrency failure), and two withdrawals of
    /// different versions could leave an indicator with none. Now they are serialised per indicator.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Concurrent_withdrawals_of_formula_versions_answer_without_error_and_keep_one_version(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = await MeraApp.StartAsync(db);
        var first = new DateOnly(2030, 1, 1);
        var second = new DateOnly(2031, 1, 1);
        foreach (var from in new[] { first, second })
        {
            await SaveFormulaVersion.RunAsync(db.Db, new(Indicator, from, "openschool.students.registered", "contingent.students", "admin"), db.Clock);
        }
        DateOnly original;
        await using (var context = db.Db.CreateContext())
        {
            var id = (await context.Indicators.SingleAsync(i => i.Code == Indicator)).Id;
            original = (await context.IndicatorFormulas.Where(f => f.IndicatorId == id).Select(f => f.EffectiveFrom).ToListAsync()).Min();
        }
        var admins = new[] { await app.SignInAsync("admin"), await app.SignInAsync("admin") };
        var tokens = new[] { await MeraApp.TokenAsync(admins[0], "/catalog"), await MeraApp.TokenAsync(admins[1], "/catalog") };
        var clicks = new[] { first, second, original }.SelectMany(from => Enumerable.Range(0, 4).Select(i => (From: from, Admin: i % 2))).ToList();
        using var start = new Barrier(clicks.Count);
        // Each click on its own thread, released together: the requests really overlap (SQLite's "async" is synchronous).
        var answers = await Task.WhenAll(clicks.Select(click => Task.Run(() =>
        {
            start.SignalAndWait();
            var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["from"] = click.From.ToString("dd.MM.yyyy"), ["__RequestVerificationToken"] = tokens[click.Admin],
            });
            return admins[click.Admin].PostAsync($"/catalog?handler=removeFormula&code={Indicator}", form);
        })));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));

        await using var after = db.Db.CreateContext();
        var indicatorId = (await after.Indicators.SingleAsync(i => i.Code == Indicator)).Id;
        Assert.Equal(1, await after.IndicatorFormulas.CountAsync(f => f.IndicatorId == indicatorId));
        Assert.Equal(2, await after.AuditLog.CountAsync(a => a.Action == "catalog.formula_remove"));
    }

    [Fact]
    public async Task The_admin_adds_the_regions_own_element_indicator_and_form_on_the_methodology_page()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var app = await MeraApp.StartAsync(db);
        var admin = await app.SignInAsync("admin");
        async Task<string> PostAsync(string handler, Dictionary<string, string> fields)
        {
            var response = await admin.PostAsync($"/catalog?handler={handler}", await MeraApp.FormAsync(admin, "/catalog", fields));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            return WebUtility.HtmlDecode(await admin.GetStringAsync("/catalog"));
        }

        var page = await PostAsync("addElement", new()
        {
            ["code"] = "region.heads.trained", ["name"] = "Численность руководителей, прошедших повышение квалификации по ЦОС", ["unit"] = "чел.",
            ["valueType"] = "Integer", ["periodType"] = "Year", ["aggregation"] = "Last", ["supplier"] = "school",
        });
        Assert.Contains("Подпоказатель «Численность руководителей, прошедших повышение квалификации по ЦОС» добавлен.", page);
        page = await PostAsync("addIndicator", new()
        {
            ["code"] = "region.heads.trained_count", ["name"] = "Численность руководителей, прошедших повышение квалификации", ["kind"] = "Number",
            ["groupName"] = "Решение коллегии", ["from"] = "01.01.2024", ["numerator"] = "region.heads.trained",
        });
        Assert.Contains("Показатель «Численность руководителей, прошедших повышение квалификации» добавлен.", page);
        page = await PostAsync("addForm", new()
        {
            ["code"] = "region-heads", ["name"] = "Повышение квалификации руководителей", ["periodType"] = "Year", ["deadlineRule"] = "last-month:20@12",
            ["supplier"] = "school", ["receiver"] = "municipality", ["reminderDays"] = "5,1", ["elements"] = "region.heads.trained",
        });
        Assert.Contains("Форма «Повышение квалификации руководителей» добавлена.", page);

        page = await PostAsync("addIndicator", new()
        {
            ["code"] = "dm.students.profile", ["name"] = "Подмена", ["kind"] = "Number", ["from"] = "01.01.2024", ["numerator"] = "region.heads.trained",
        });
        Assert.Contains("Код «dm.students.profile» уже есть в каталоге: выберите другой", page);
        Assert.Contains("id=\"add-indicator\" open", page);
        await using var context = db.Db.CreateContext();
        Assert.Equal("Доля учащихся, по которым осуществляется ведение цифрового профиля",
            (await context.Indicators.SingleAsync(i => i.Code == "dm.students.profile")).Name);
        Assert.Equal("region.heads.trained", (await context.Forms.SingleAsync(f => f.Code == "region-heads")).ElementCodes);
    }
}
