using System.CommandLine;
using Mera.Core.Features.Audit;

namespace Mera.Cli.Commands;

/// <summary>`./mera audit --org CODE --since DATE`: every change in the subtree, newest first.</summary>
internal static class AuditCommand
{
    public static Command Create(CliContext cli)
    {
        var org = new Option<string>("--org") { Description = "Код организации (её поддерево)", Required = true };
        var since = new Option<string>("--since") { Description = "С даты (ДД.ММ.ГГГГ или ГГГГ-ММ-ДД)", Required = true };
        var until = new Option<string?>("--until") { Description = "По дату включительно" };
        var action = new Option<string?>("--action") { Description = "Только действия, чей код начинается так: value., submission., target., user., roadmap., decision" };
        var limit = new Option<int>("--limit") { Description = "Не больше N записей (по умолчанию 1000)", DefaultValueFactory = _ => 1000 };
        var format = PlanCommands.Format();
        var command = new Command("audit", "Журнал изменений: значения, состояния форм, планы, мероприятия, пользователи") { org, since, until, action, limit, format };
        command.SetAction(async (parse, ct) =>
        {
            var database = await cli.OpenReadDatabaseAsync(parse);
            var rows = await ListAudit.RunAsync(database, new ListAudit.Query(parse.GetValue(org)!, CliFormat.Date(parse.GetValue(since))!.Value,
                CliFormat.Date(parse.GetValue(until)), parse.GetValue(limit), parse.GetValue(action)), ct);
            await PlanCommands.WriteAsync(cli, parse.GetValue(format)!, rows, ListAudit.Columns, r => r.ToCells());
            return 0;
        });
        return command;
    }
}
