using System.CommandLine;
using Mera.Core.Domain;
using Mera.Core.Features.Submissions;
using Mera.Core.Formatting;

namespace Mera.Cli.Commands;

/// <summary>
/// `./mera submissions list|submit|accept|return|reopen|show`: who owes which form for which period under an org unit,
/// and the workflow of a submission — a school's form to its municipality, a municipality's report to the region.
/// </summary>
internal static class SubmissionsCommands
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("submissions", "Сдача форм и отчётов: кто что должен, отправка, приёмка, возврат");
        command.Subcommands.Add(List(cli));
        command.Subcommands.Add(Submit(cli));
        foreach (var (name, decision, title) in new[]
        {
            ("accept", ReviewSubmission.Decision.Accept, "Принять отправленную форму (данные закрываются для изменений)"),
            ("return", ReviewSubmission.Decision.Return, "Вернуть на доработку с комментарием"),
            ("reopen", ReviewSubmission.Decision.Reopen, "Открыть принятую форму снова (данные можно менять)"),
        })
        {
            command.Subcommands.Add(Decide(cli, name, decision, title));
        }
        command.Subcommands.Add(Show(cli));
        return command;
    }

    private static (Option<string> Org, Option<string> Form, Option<string> Period) Key() => (
        new Option<string>("--org") { Description = "Код организации, которая сдаёт", Required = true },
        new Option<string>("--form") { Description = "Код формы (municipal-summary, agreement-report, openschool …)", Required = true },
        new Option<string>("--period") { Description = "Период: 2026, 2026Q4, 2026-12 или 2026-W49", Required = true });

    private static Command List(CliContext cli)
    {
        var org = new Option<string>("--org") { Description = "Код организации: все, кто под ней должен формы", Required = true };
        var form = new Option<string?>("--form") { Description = "Только эта форма" };
        var period = new Option<string?>("--period") { Description = "Период (по умолчанию текущий и предыдущий)" };
        var (asOf, format) = (PlanCommands.AsOf(), PlanCommands.Format());
        var command = new Command("list", "Кто что должен сдать: срок, состояние, вовремя ли") { org, form, period, asOf, format };
        command.SetAction(async (parse, ct) =>
        {
            var database = await cli.OpenReadDatabaseAsync(parse);
            var day = PlanCommands.Date(parse.GetValue(asOf), cli);
            var rows = (await ListObligations.RunAsync(database, new ListObligations.Query(parse.GetValue(org)!, parse.GetValue(form), parse.GetValue(period), day), ct))
                .Select(r => new
                {
                    org = r.Org.Code, orgName = r.Org.Name, form = r.Form.Code, formName = r.Form.Name, period = r.Period.Code, periodName = r.Period.DisplayRu,
                    deadline = r.Deadline, state = r.State, stateName = Obligations.Describe(r, day).Text, submittedAt = r.SubmittedAt, onTime = r.OnTime,
                    covered = r.Covered, expected = r.Expected,
                }).ToList();
            // The table is read by a person (names and words); JSON and CSV by scripts (codes, as DESIGN's contract says).
            await PlanCommands.WriteAsync(cli, parse.GetValue(format)!, rows, ["Организация", "Форма", "Период", "Срок", "Состояние", "Отправлено"],
                r => [r.orgName, r.formName, r.periodName, RussianFormat.Date(r.deadline), r.stateName + (r.expected is int e ? $" ({r.covered} из {e} школ)" : ""),
                    r.submittedAt is { } at ? RussianFormat.Date(Clock.LocalDate(at)) : ""]);
            return 0;
        });
        return command;
    }

    private static Command Submit(CliContext cli)
    {
        var (org, form, period) = Key();
        var command = new Command("submit", "Отправить форму получателю (отчёт в регион — со снимком чисел и файла)") { org, form, period };
        command.SetAction(async (parse, ct) =>
        {
            var database = await cli.OpenDatabaseAsync(parse.GetValue(CliApp.DbOption), parse.GetValue(CliApp.ProviderOption));
            var s = await SubmitForm.RunAsync(database, new SubmitForm.Command(parse.GetValue(org)!, parse.GetValue(form)!, parse.GetValue(period)!, cli.User), cli.Clock, ct);
            await cli.Out.WriteLineAsync($"Отправлено: {parse.GetValue(form)} {parse.GetValue(period)} ({SubmissionStateNames.ToRussian(s.State)}).");
            return 0;
        });
        return command;
    }

    private static Command Decide(CliContext cli, string name, ReviewSubmission.Decision decision, string title)
    {
        var (org, form, period) = Key();
        var comment = new Option<string?>("--comment") { Description = "Комментарий (для возврата обязателен)" };
        var command = new Command(name, title) { org, form, period, comment };
        command.SetAction(async (parse, ct) =>
        {
            var database = await cli.OpenDatabaseAsync(parse.GetValue(CliApp.DbOption), parse.GetValue(CliApp.ProviderOption));
            var s = await DecideSubmission.RunAsync(database, new DecideSubmission.Command(parse.GetValue(org)!, parse.GetValue(form)!, parse.GetValue(period)!,
                decision, cli.User, parse.GetValue(comment)), cli.Clock, ct);
            await cli.Out.WriteLineAsync($"Состояние: {SubmissionStateNames.ToRussian(s.State)}.");
            return 0;
        });
        return command;
    }

    private static Command Show(CliContext cli)
    {
        var (org, form, period) = Key();
        var output = new Option<string?>("--out") { Description = "Сохранить файл отчёта, отправленный вместе со снимком" };
        var (asOf, format) = (PlanCommands.AsOf(), PlanCommands.Format());
        var command = new Command("show", "Снимок отправленного отчёта и расхождения с сегодняшними данными") { org, form, period, output, asOf, format };
        command.SetAction(async (parse, ct) =>
        {
            var database = await cli.OpenReadDatabaseAsync(parse);
            var result = await CompareSnapshot.RunAsync(database, parse.GetValue(org)!, parse.GetValue(form)!, parse.GetValue(period)!,
                PlanCommands.Date(parse.GetValue(asOf), cli), ct);
            if (parse.GetValue(output) is { } path && result.Snapshot.File is { } file)
            {
                await File.WriteAllBytesAsync(path, file, ct);
            }
            var rows = result.Differences.Select(d => new { org = d.Org, code = d.Code, name = d.Name, sent = d.Sent, now = d.Now }).ToList();
            await PlanCommands.WriteAsync(cli, parse.GetValue(format)!, rows, ["Показатель", "Отправлено", "Сейчас"],
                r => [r.name, Number(r.sent), Number(r.now)]);
            if (parse.GetValue(format) == "table")
            {
                await cli.Error.WriteLineAsync(result.Differences.Count == 0
                    ? $"Отправлено {RussianFormat.Date(Clock.LocalDate(result.Snapshot.TakenAt))}; с тех пор данные не изменились."
                    : $"Изменено после сдачи: {result.Differences.Count}.");
            }
            return 0;
        });
        return command;
    }

    private static string Number(double? value) => value is double v ? RussianFormat.Number(v) : "нет данных";
}
