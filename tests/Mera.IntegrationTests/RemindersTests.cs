using Mera.Core.Domain;
using Mera.Core.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Mera.IntegrationTests;

/// <summary>Reminders before the «Открытая школа» deadline (20.12.2024), the overdue notice, the Monday digest, and the outbox.</summary>
public class RemindersTests
{
    private static async Task<TestDatabase> ScenarioAsync(string provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        await District.SetUpAsync(db, 3);
        await Cli.OkAsync(db, "users", "add", "--login", "uo", "--role", "municipality", "--org", "m1", "--email", "uo@example.ru", "--password", "Long-pass-2026");
        await Cli.OkAsync(db, "users", "add", "--login", "sch2", "--role", "school", "--org", "s2", "--email", "director2@example.ru", "--password", "Long-pass-2026");
        await using var context = db.Db.CreateContext();
        var ids = await context.OrgUnits.Where(o => o.Code == "s1" || o.Code == "s2").ToDictionaryAsync(o => o.Code, o => o.Id);
        context.Submissions.Add(new Submission { OrgUnitId = ids["s1"], FormCode = "openschool", PeriodCode = "2024Q4", State = SubmissionState.Submitted, SubmittedAt = new DateTimeOffset(2024, 12, 10, 10, 0, 0, TimeSpan.Zero) });
        context.Submissions.Add(new Submission { OrgUnitId = ids["s2"], FormCode = "openschool", PeriodCode = "2024Q4", State = SubmissionState.Draft });
        await context.SaveChangesAsync();
        return db;
    }

    private static async Task<List<(string Org, string Form, string Kind, string Recipient)>> DueAsync(TestDatabase db, string asOf) =>
        (await Cli.OkAsync(db, "reminders", "--as-of", asOf, "--format", "json")).Json()
            .Select(r => (r.GetProperty("org").GetString()!, r.GetProperty("form").GetString()!, r.GetProperty("kind").GetString()!, r.GetProperty("recipient").GetString()!))
            .ToList();

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Schools_that_have_not_sent_are_reminded_5_and_1_days_before_and_told_the_day_after(string provider)
    {
        await using var db = await ScenarioAsync(provider);
        // 15.12.2024: five days before; s1 has sent, s2 has a draft (its user's mailbox), s3 only the school's e-mail.
        var five = (await DueAsync(db, "2024-12-15")).Where(d => d.Form == "openschool").OrderBy(d => d.Org).ToList();
        Assert.Equal([("s2", "openschool", "before_deadline", "director2@example.ru"), ("s3", "openschool", "before_deadline", "s3@example.ru")], five);
        Assert.Equal(2, (await DueAsync(db, "19.12.2024")).Count(d => d.Form == "openschool" && d.Kind == "before_deadline"));
        Assert.DoesNotContain(await DueAsync(db, "2024-12-18"), d => d.Form == "openschool");
        var overdue = (await DueAsync(db, "2024-12-21")).Where(d => d.Form == "openschool").ToList();
        Assert.Equal(["s2", "s3"], overdue.Select(d => d.Org).Order());
        Assert.All(overdue, d => Assert.Equal("overdue", d.Kind));
        Assert.DoesNotContain(await DueAsync(db, "2024-12-22"), d => d.Form == "openschool");

        // Queued once: the second run on the same day finds them already queued.
        var first = await Cli.OkAsync(db, "reminders", "--as-of", "2024-12-15", "--send");
        Assert.Contains("В очередь поставлено", first.Error);
        var second = await Cli.OkAsync(db, "reminders", "--as-of", "2024-12-15", "--send");
        Assert.Matches("поставлено 0, уже было [1-9]", second.Error);
        await using var context = db.Db.CreateContext();
        var queued = await context.Notifications.Where(n => n.FormCode == "openschool").ToListAsync();
        Assert.Equal(2, queued.Count);
        Assert.All(queued, n => Assert.Equal("queued", n.Status));
        Assert.Contains("20.12.2024", queued[0].Body);
    }

    [Fact]
    public async Task The_monday_digest_tells_the_municipality_who_is_late()
    {
        await using var db = await ScenarioAsync("sqlite");
        // 23.12.2024 is a Monday: the Open School form is three days overdue for s2 and s3.
        var digest = (await Cli.OkAsync(db, "reminders", "--as-of", "2024-12-23", "--format", "json")).Json()
            .Single(r => r.GetProperty("kind").GetString() == "digest");
        Assert.Equal("m1", digest.GetProperty("org").GetString());
        Assert.Equal("uo@example.ru", digest.GetProperty("recipient").GetString());
        Assert.Equal("2024-W52", digest.GetProperty("period").GetString());
        await Cli.OkAsync(db, "reminders", "--as-of", "2024-12-23", "--send");
        await using var context = db.Db.CreateContext();
        var body = (await context.Notifications.SingleAsync(n => n.Kind == "digest")).Body;
        Assert.Contains("Не сдали в срок:", body);
        Assert.Contains("МБОУ СОШ № 2, МБОУ СОШ № 3", body);
        Assert.DoesNotContain(await DueAsync(db, "2024-12-24"), d => d.Kind == "digest");
    }

    [Fact]
    public async Task The_outbox_keeps_messages_while_the_mail_server_is_down_and_sends_them_later()
    {
        await using var db = await ScenarioAsync("sqlite");
        await Cli.OkAsync(db, "reminders", "--as-of", "2024-12-15", "--send");
        var closedPort = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closedPort.Start();
        var port = ((System.Net.IPEndPoint)closedPort.LocalEndpoint).Port;
        closedPort.Stop();
        var down = await DeliverOutbox.RunAsync(db.Db, new MailSettings("127.0.0.1", port, false, null, null, "mera@example.ru", null), db.Clock);
        Assert.Equal(0, down.Sent);
        Assert.True(down.Failed >= 2);
        await using (var context = db.Db.CreateContext())
        {
            Assert.All(await context.Notifications.ToListAsync(), n => { Assert.Equal("queued", n.Status); Assert.Equal(1, n.Attempts); Assert.NotNull(n.LastError); });
        }
        var pickup = Directory.CreateTempSubdirectory("mera-mail-").FullName;
        var up = await DeliverOutbox.RunAsync(db.Db, new MailSettings(null, 25, false, null, null, "mera@example.ru", pickup), db.Clock);
        Assert.Equal(down.Failed, up.Sent);
        Assert.Equal(0, up.StillQueued);
        var mails = Directory.GetFiles(pickup, "*.eml");
        Assert.Equal(up.Sent, mails.Length);
        Assert.Contains(mails, m => File.ReadAllText(m).Contains("director2@example.ru"));
        var again = await DeliverOutbox.RunAsync(db.Db, new MailSettings(null, 25, false, null, null, "mera@example.ru", pickup), db.Clock);
        Assert.Equal(0, again.Sent);
    }

    [Fact]
    public async Task Reminders_go_out_over_smtp_to_each_recipient_in_russian()
    {
        await using var db = await ScenarioAsync("sqlite");
        await Cli.OkAsync(db, "reminders", "--as-of", "2024-12-15", "--send");
        await using var smtp = new SmtpSink();
        var sent = await DeliverOutbox.RunAsync(db.Db, new MailSettings("127.0.0.1", smtp.Port, false, null, null, "mera@example.ru", null), db.Clock);

        Assert.True(sent.Sent >= 2);
        Assert.Equal(0, sent.Failed);
        Assert.Equal(sent.Sent, smtp.Messages.Count);
        await using var context = db.Db.CreateContext();
        var rows = await context.Notifications.ToListAsync();
        Assert.All(rows, n => Assert.Equal("sent", n.Status));
        Assert.Equal(rows.Select(n => n.Recipient).Order(), smtp.Messages.SelectMany(m => m.To).Order());
        foreach (var n in rows)
        {
            var mail = smtp.Messages.Single(m => m.To.Contains(n.Recipient) && DecodedSubject(m.Data) == n.Subject);
            Assert.Contains("From: mera@example.ru", mail.Data);
        }
        Assert.Contains(rows, n => n.Subject.Contains("Открытая школа") || n.Subject.Contains("срок"));
    }

    /// <summary>The Subject header as the mail client shows it: RFC 2047 encoded-words (UTF-8, base64 or Q) joined.</summary>
    private static string DecodedSubject(string data)
    {
        var header = System.Text.RegularExpressions.Regex.Match(data, @"^Subject: (.*(?:\r?\n[ \t].*)*)", System.Text.RegularExpressions.RegexOptions.Multiline).Groups[1].Value;
        var words = System.Text.RegularExpressions.Regex.Matches(header, @"=\?utf-8\?([BQ])\?([^?]*)\?=", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        if (words.Count == 0)
        {
            return header.Trim();
        }
        var bytes = new List<byte>();
        foreach (System.Text.RegularExpressions.Match w in words)
        {
            bytes.AddRange(w.Groups[1].Value.ToUpperInvariant() == "B"
                ? Convert.FromBase64String(w.Groups[2].Value)
                : System.Text.Encoding.ASCII.GetBytes(w.Groups[2].Value.Replace('_', ' ')));
        }
        return System.Text.Encoding.UTF8.GetString(bytes.ToArray());
    }
}
