using System.Net;
using Mera.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mera.IntegrationTests.Web;

/// <summary>Черновик → Отправлено → Возвращено → Отправлено → Принято, over HTTP as the school and the municipality.</summary>
[Trait("Category", "Calendar")]
public class SubmissionWorkflowTests
{
    private static readonly string Q = TestClock.Quarter.Code;
    private static readonly string FormUrl = $"/forms/openschool/{Q}?org=demo-enisey-s01";
    private static readonly string MonitorUrl = $"/monitor?org=demo-enisey&form=openschool&period={Q}";

    private static Dictionary<string, string> Values(string registered, string inactive, string teachers, string teachersInactive, string action) => new()
    {
        ["Values[openschool.students.registered]"] = registered, ["Values[openschool.students.inactive]"] = inactive,
        ["Values[openschool.teachers.registered]"] = teachers, ["Values[openschool.teachers.inactive]"] = teachersInactive,
        ["action"] = action,
    };

    private static async Task<Submission> SubmissionAsync(TestDatabase db)
    {
        await using var context = db.Db.CreateContext();
        var school = await context.OrgUnits.SingleAsync(o => o.Code == "demo-enisey-s01");
        return await context.Submissions.AsNoTracking().SingleAsync(s => s.OrgUnitId == school.Id && s.FormCode == "openschool" && s.PeriodCode == Q);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task School_submits_municipality_returns_school_fixes_municipality_accepts(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var app = await MeraApp.StartAsync(db);
        var school = await app.SignInAsync("school1");
        var officer = await app.SignInAsync("enisey");

        var draft = await school.PostAsync(FormUrl, await MeraApp.FormAsync(school, FormUrl, Values("400", "", "", "", "draft")));
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        Assert.Equal(SubmissionState.Draft, (await SubmissionAsync(db)).State);

        var incomplete = await school.PostAsync(FormUrl, await MeraApp.FormAsync(school, FormUrl, Values("400", "", "", "", "submit")));
        Assert.Contains("заполните значение перед отправкой", await incomplete.Content.ReadAsStringAsync());

        var wrong = await school.PostAsync(FormUrl, await MeraApp.FormAsync(school, FormUrl, Values("400", "450", "30", "2", "submit")));
        Assert.True(wrong.StatusCode == HttpStatusCode.OK, $"{wrong.StatusCode} {wrong.Headers.Location}");
        var wrongPage = WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync());
        var said = System.Text.RegularExpressions.Regex.Match(wrongPage, "неактивных больше[^<]*").Value;
        File.WriteAllText("/tmp/said.txt", said);
        Assert.StartsWith("неактивных больше, чем зарегистрированных (", said);
        Assert.Contains("стр. 1 «Количество обучающихся, зарегистрированных", said); // the values compared, named as the form's rows
        Assert.Contains("стр. 2 «Количество обучающихся, не выполнявших", said);
        Assert.DoesNotContain("openschool.students", System.Text.RegularExpressions.Regex.Replace(wrongPage, "name=\"Values\\[[^\\]]+\\]\"|id=\"v-[^\"]+\"|for=\"v-[^\"]+\"", ""));

        var sent = await school.PostAsync(FormUrl, await MeraApp.FormAsync(school, FormUrl, Values("400", "90", "45", "8", "submit")));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var submitted = await SubmissionAsync(db);
        Assert.Equal(SubmissionState.Submitted, submitted.State);
        Assert.Contains("отправлено в срок", await officer.GetStringAsync(MonitorUrl));

        // While the municipality checks it, the school cannot change it.
        var page = await school.GetStringAsync(FormUrl);
        Assert.Contains("ввод: Кузнецов Д. А.", WebUtility.HtmlDecode(page)); // who typed it, by name, not by login
        Assert.DoesNotContain("value=\"submit\"", page);

        async Task<HttpResponseMessage> Decide(string action, string? comment = null, bool confirmed = false, string? pick = null)
        {
            var fields = new Dictionary<string, string> { ["action"] = action, ["Confirmed"] = confirmed ? "true" : "false" };
            if (pick is not null) { fields["Selected"] = pick; }
            if (comment is not null) { fields["Comment"] = comment; }
            return await officer.PostAsync(MonitorUrl, await MeraApp.FormAsync(officer, MonitorUrl, fields));
        }
        string Text(string html) => System.Text.RegularExpressions.Regex.Replace(WebUtility.HtmlDecode(html), "\\s+", " ");
        var pick = $"{submitted.Id}:{submitted.Version}";
        // Nothing ticked, or a return without a comment: said as an error, nothing changes, the ticks stay.
        Assert.Contains("Не выбран ни один отчёт", Text(await (await Decide("accept")).Content.ReadAsStringAsync()));
        var noComment = Text(await (await Decide("return", pick: pick, confirmed: true)).Content.ReadAsStringAsync());
        Assert.Contains("Напишите в комментарии, что нужно исправить", noComment);
        Assert.Contains($"value=\"{pick}\" checked=\"checked\"", noComment);
        Assert.Equal(SubmissionState.Submitted, (await SubmissionAsync(db)).State);
        // A return is asked once more, naming the school and the comment.
        var question = Text(await (await Decide("return", "Проверьте число педагогов", pick: pick)).Content.ReadAsStringAsync());
        Assert.Contains("Вернуть на доработку 1 отчёт (", question);
        Assert.Contains("с комментарием «Проверьте число педагогов»", question);
        Assert.Equal(SubmissionState.Submitted, (await SubmissionAsync(db)).State);
        var returned = await Decide("return", "Проверьте число педагогов", confirmed: true, pick: pick);
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        Assert.Equal(SubmissionState.Returned, (await SubmissionAsync(db)).State);
        Assert.Contains("Проверьте число педагогов", await school.GetStringAsync("/school"));

        var stale = await officer.PostAsync(MonitorUrl, await MeraApp.FormAsync(officer, MonitorUrl, new()
        {
            ["Selected"] = $"{submitted.Id}:{submitted.Version}", ["action"] = "accept",
        }));
        Assert.Contains("изменены другим пользователем", await officer.GetStringAsync(stale.Headers.Location!.ToString()));

        var fixedForm = await school.PostAsync(FormUrl, await MeraApp.FormAsync(school, FormUrl, Values("400", "90", "46", "8", "submit")));
        Assert.Equal(HttpStatusCode.Redirect, fixedForm.StatusCode);
        var resubmitted = await SubmissionAsync(db);
        Assert.Equal(SubmissionState.Submitted, resubmitted.State);

        var accepted = await Decide("accept", "Принято, спасибо", pick: $"{resubmitted.Id}:{resubmitted.Version}");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Contains("Принято отчётов: 1.", Text(await officer.GetStringAsync(accepted.Headers.Location!.ToString())));
        // The accept's comment replaces the old return comment.
        Assert.Equal((SubmissionState.Accepted, "Принято, спасибо"), ((await SubmissionAsync(db)).State, (await SubmissionAsync(db)).Comment));

        var locked = await school.PostAsync(FormUrl, await MeraApp.FormAsync(school, "/school", Values("1", "0", "1", "0", "draft")));
        Assert.Equal(HttpStatusCode.Forbidden, locked.StatusCode);

        await using var context = db.Db.CreateContext();
        var teachers = await context.DataValues.SingleAsync(v => v.PeriodCode == Q && v.ChangedBy == "school1"
            && v.ElementId == context.DataElements.Single(e => e.Code == "openschool.teachers.registered").Id);
        Assert.Equal(46, teachers.Value);
        Assert.Equal(ValueSource.Entry, teachers.Source);
        // Two submissions by the school, the return and the accept; the stale attempt changed nothing.
        Assert.Equal(["submission.accept", "submission.return", "submission.submit", "submission.submit"],
            (await context.AuditLog.Where(a => a.Entity == "submission").Select(a => a.Action).ToListAsync()).Order().ToList());
    }

    [Fact]
    public async Task A_warning_asks_for_a_comment_and_the_comment_is_kept_with_the_value()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var app = await MeraApp.StartAsync(db);
        var school = await app.SignInAsync("school1");
        var form = Values("5000", "90", "45", "8", "draft"); // far more than the school's students: a warning
        var first = await school.PostAsync(FormUrl, await MeraApp.FormAsync(school, FormUrl, form));
        Assert.Contains("поясните их в комментарии", await first.Content.ReadAsStringAsync());
        form["Comment"] = "В платформе остались выпускники прошлых лет";
        var second = await school.PostAsync(FormUrl, await MeraApp.FormAsync(school, FormUrl, form));
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        await using var context = db.Db.CreateContext();
        Assert.Equal(4, await context.DataValues.CountAsync(v => v.Comment == "В платформе остались выпускники прошлых лет"));
    }

    [Fact]
    public async Task A_value_that_raises_a_warning_is_saved_only_with_a_comment()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var app = await MeraApp.StartAsync(db);
        var school = await app.SignInAsync("school1");

        // The demo's previous quarter has hundreds registered: 1 is a fall of more than 50 %.
        var held = await school.PostAsync(FormUrl, await MeraApp.FormAsync(school, FormUrl, Values("1", "0", "", "", "draft")));
        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        var page = await held.Content.ReadAsStringAsync();
        Assert.Contains("поясните их в комментарии", page);
        Assert.Contains("упало более чем на 50 %", page);
        await using (var context = db.Db.CreateContext())
        {
            var school1 = await context.OrgUnits.SingleAsync(o => o.Code == "demo-enisey-s01");
            Assert.False(await context.DataValues.AnyAsync(v => v.OrgUnitId == school1.Id && v.PeriodCode == Q && v.Value == 1));
        }

        var fields = Values("1", "0", "", "", "draft");
        fields["Comment"] = "Платформа переустановлена, учётные записи создаются заново";
        var saved = await school.PostAsync(FormUrl, await MeraApp.FormAsync(school, FormUrl, fields));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using (var context = db.Db.CreateContext())
        {
            var school1 = await context.OrgUnits.SingleAsync(o => o.Code == "demo-enisey-s01");
            var stored = await context.DataValues.SingleAsync(v => v.OrgUnitId == school1.Id && v.PeriodCode == Q && v.Value == 1);
            Assert.Equal("Платформа переустановлена, учётные записи создаются заново", stored.Comment);
        }
    }
}
