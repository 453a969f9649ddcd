using System.CommandLine;
using Mera.Core.Features.Catalog;

namespace Mera.Cli.Commands;

/// <summary>`./mera catalog list|formula|form`: the same edits the admin makes on the «Методика» page.</summary>
internal static class CatalogCommands
{
    public static Command Create(CliContext cli) =>
        new("catalog", "Методика: подпоказатели, формулы показателей, формы и сроки") { List(cli), Formula(cli), Form(cli) };

    private static Command List(CliContext cli)
    {
        var format = PlanCommands.Format();
        var command = new Command("list", "Показатели с действующими версиями формул и формы со сроками") { format };
        command.SetAction(async (parse, ct) =>
        {
            var database = await cli.OpenDatabaseAsync(parse.GetValue(CliApp.DbOption), parse.GetValue(CliApp.ProviderOption));
            var catalog = await ListCatalog.RunAsync(database, ct);
            var rows = catalog.Indicators.SelectMany(i => i.Formulas.Select(f => new
                {
                    Kind = "indicator", i.Code, i.Name, From = f.EffectiveFrom.ToString("dd.MM.yyyy"), Rule = f.Denominator is null ? f.Numerator : $"({f.Numerator}) / ({f.Denominator})", Reminders = "",
                }))
                .Concat(catalog.Forms.Select(f => new { Kind = "form", f.Code, f.Name, From = "", Rule = f.DeadlineRule, Reminders = f.ReminderDays }))
                .ToList();
            await PlanCommands.WriteAsync(cli, parse.GetValue(format)!, rows, ["Вид", "Код", "Название", "Действует с", "Формула / срок", "Напоминания"],
                r => [r.Kind == "form" ? "форма" : "показатель", r.Code, r.Name, r.From, r.Rule, r.Reminders]);
            return 0;
        });
        return command;
    }

    private static Command Formula(CliContext cli)
    {
        var indicator = new Option<string>("--indicator") { Description = "Код показателя", Required = true };
        var from = new Option<string>("--from") { Description = "Действует с даты, ДД.ММ.ГГГГ", Required = true };
        var numerator = new Option<string?>("--numerator") { Description = "Числитель, например openschool.students.registered" };
        var denominator = new Option<string?>("--denominator") { Description = "Знаменатель (для долей)" };
        var remove = new Option<bool>("--remove") { Description = "Удалить версию с этой даты" };
        var command = new Command("formula", "Добавить или изменить версию формулы показателя с даты") { indicator, from, numerator, denominator, remove };
        command.SetAction(async (parse, ct) =>
        {
            var database = await cli.OpenDatabaseAsync(parse.GetValue(CliApp.DbOption), parse.GetValue(CliApp.ProviderOption));
            var date = CliFormat.Date(parse.GetValue(from))!.Value;
            if (parse.GetValue(remove))
            {
                await RemoveFormulaVersion.RunAsync(database, new RemoveFormulaVersion.Command(parse.GetValue(indicator)!, date, cli.User), cli.Clock, ct);
                await cli.Out.WriteLineAsync($"Версия формулы с {date:dd.MM.yyyy} удалена.");
                return 0;
            }
            var result = await SaveFormulaVersion.RunAsync(database, new SaveFormulaVersion.Command(parse.GetValue(indicator)!, date,
                parse.GetValue(numerator) ?? "", parse.GetValue(denominator), cli.User), cli.Clock, ct);
            await cli.Out.WriteLineAsync(result switch
            {
                { Added: true } => $"Версия формулы с {date:dd.MM.yyyy} добавлена.",
                { Changed: true } => $"Версия формулы с {date:dd.MM.yyyy} изменена.",
                _ => "Формула не изменилась.",
            });
            return 0;
        });
        return command;
    }

    private static Command Form(CliContext cli)
    {
        var code = new Argument<string>("code") { Description = "Код формы" };
        var name = new Option<string?>("--name") { Description = "Название формы" };
        var deadline = new Option<string?>("--deadline") { Description = "Правило срока: last-month:DD, next-month:DD (можно с @MM) или end+Nd" };
        var reminders = new Option<string?>("--reminder-days") { Description = "За сколько дней до срока напоминать, через запятую: 5,1" };
        var command = new Command("form", "Изменить название, срок или дни напоминаний формы") { code, name, deadline, reminders };
        command.SetAction(async (parse, ct) =>
        {
            var database = await cli.OpenDatabaseAsync(parse.GetValue(CliApp.DbOption), parse.GetValue(CliApp.ProviderOption));
            await EditForm.RunAsync(database, new EditForm.Command(parse.GetValue(code)!, parse.GetValue(name), parse.GetValue(deadline),
                parse.GetValue(reminders), cli.User), cli.Clock, ct);
            await cli.Out.WriteLineAsync($"Форма {parse.GetValue(code)} сохранена.");
            return 0;
        });
        return command;
    }
}
