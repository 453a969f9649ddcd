using System.CommandLine;
using Mera.Core.Features.Notifications;
using Mera.Core.Formatting;

namespace Mera.Cli.Commands;

/// <summary>`./mera reminders --as-of DATE [--send]`: what is due that day; with --send, queued once and delivered.</summary>
internal static class RemindersCommand
{
    public static Command Create(CliContext cli)
    {
        var (asOf, format) = (PlanCommands.AsOf(), PlanCommands.Format());
        var send = new Option<bool>("--send") { Description = "Поставить в очередь (повторно не ставится) и отправить почтой, если настроен SMTP (MERA_SMTP_HOST) или MERA_MAIL_PICKUP" };
        var command = new Command("reminders", "Напоминания о сроках, уведомления о просрочке и еженедельные сводки на дату") { asOf, send, format };
        command.SetAction(async (parse, ct) =>
        {
            var database = await cli.OpenDatabaseAsync(parse.GetValue(CliApp.DbOption), parse.GetValue(CliApp.ProviderOption));
            var day = PlanCommands.Date(parse.GetValue(asOf), cli);
            var due = await PlanReminders.RunAsync(database, day, ct);
            var rows = due.Select(d => new
            {
                org = d.Org, orgName = d.OrgName, form = d.Form, period = d.Period, deadline = d.Deadline, kind = d.Kind,
                recipient = d.Recipient, subject = d.Subject,
            }).ToList();
            await PlanCommands.WriteAsync(cli, parse.GetValue(format)!, rows, ["Организация", "Форма", "Период", "Срок", "Вид", "Получатель"],
                r => [r.orgName, r.form, r.period, r.deadline is DateOnly d ? RussianFormat.Date(d) : "", r.kind, r.recipient]);
            if (parse.GetValue(send))
            {
                var queued = await QueueReminders.RunAsync(database, due, cli.Clock, ct);
                await BundleDailyNotices.RunAsync(database, cli.Clock, ct);
                var mail = MailSettings.FromEnvironment();
                var delivered = await DeliverOutbox.RunAsync(database, mail, cli.Clock, ct);
                await cli.Error.WriteLineAsync($"В очередь поставлено {queued.Queued}, уже было {queued.AlreadyQueued}; " +
                    (mail.Configured ? $"отправлено {delivered.Sent}, ошибок {delivered.Failed}, в очереди {delivered.StillQueued}."
                        : $"почта не настроена (MERA_SMTP_HOST или MERA_MAIL_PICKUP): в очереди {delivered.StillQueued}, видны в Mera."));
            }
            return 0;
        });
        return command;
    }
}
