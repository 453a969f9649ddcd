using System.Net;
using Mera.Core.Features;
using Mera.Core.Features.Catalog;
using Mera.Core.Features.Indicators;
using Mera.Core.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Mera.IntegrationTests.Web;

/// <summary>Issue 9 §4: an admin follows the region's methodology in the web, without a new release.</summary>
public class CatalogEditingTests
{
    private const string Indicator = "dm.students.profile";

    private static async Task<Core.Engine.IndicatorResult> EniseyAsync(TestDatabase db, string period) =>
        (await ComputeIndicators.RunAsync(db.Db, new ComputeIndicators.Query("demo-enisey", period, Indicators: [Indicator]))).Single();

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_formula_version_applies_from_its_date_and_survives_an_upgrade(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = await MeraApp.StartAsync(db);
        var q2 = await EniseyAsync(db, "2026Q2");
        var q3 = await EniseyAsync(db, "2026Q3");
        Assert.True(q3.Numerator > 0, "the demo has Q3 values");

        var admin = await app.SignInAsync("admin");
        var saved = await admin.PostAsync($"/catalog?handler=formula&code={Indicator}", await MeraApp.FormAsync(admin, "/catalog", new()
        {
            ["from"] = "01.07.2026", ["numerator"] = "2 * openschool.students.registered", ["denominator"] = "contingent.students",
        }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("с 01.07.2026 сохранена", await admin.GetStringAsync("/catalog"));

        var after = await EniseyAsync(db, "2026Q3");
        Assert.Equal(2 * q3.Numerator, after.Numerator);
        Assert.Equal(q3.Denominator, after.Denominator);
        Assert.Equal(2 * q3.Value!.Value, after.Value!.Value, 6);
        Assert.Equal("2 * openschool.students.registered", after.NumeratorFormula);
        Assert.Equal(q2.Value, (await EniseyAsync(db, "2026Q2")).Value); // a period that ended before keeps its version

        await admin.PostAsync($"/catalog?handler=indicator&code={Indicator}", await MeraApp.FormAsync(admin, "/catalog", new()
        {
            ["name"] = "Доля обучающихся с цифровым профилем (методика края)", ["groupName"] = "Цифровая зрелость",
        }));
        await Cli.OkAsync(db, "db", "migrate"); // an upgrade re-syncs the built-in catalog
        var upgraded = await EniseyAsync(db, "2026Q3");
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
        var clock = TimeProvider.System;
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
        var clock = TimeProvider.System;
        await EditForm.RunAsync(db.Db, new("openschool", "Отчёт по «Открытой школе»", "last-month:10", "1, 3, 3", "admin"), clock);

        await using (var context = db.Db.CreateContext())
        {
            var form = await context.Forms.SingleAsync(f => f.Code == "openschool");
            Assert.Equal(("last-month:10", "3,1"), (form.DeadlineRule, form.ReminderDays));
            Assert.Equal(new DateOnly(2026, 12, 10), form.DeadlineOf(Core.Domain.Period.Parse("2026Q4")));
        }
        var threeDaysBefore = await PlanReminders.RunAsync(db.Db, new DateOnly(2026, 12, 7));
        Assert.Contains(threeDaysBefore, r => r is { Form: "openschool", Kind: "before_deadline", Period: "2026Q4" });
        var fiveDaysBefore = await PlanReminders.RunAsync(db.Db, new DateOnly(2026, 12, 5));
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
}
