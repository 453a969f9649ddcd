using System.CommandLine;
using Mera.Core.Features.Catalog;

namespace Mera.Cli.Commands;

/// <summary>`./mera catalog list|formula|form`: the same edits the admin makes on the «Методика» page.</summary>
internal static class CatalogCommands
{
    public static Command Create(CliContext cli) =>
        new("catalog", "Методика: подпоказатели, формулы показателей, формы и сроки") { List(cli), Formula(cli), Form(cli), Element(cli), Indicator(cli) };

    /// <summary>`catalog element add`: a region's own sub-indicator.</summary>
    private static Command Element(CliContext cli)
    {
        var code = new Option<string>("--code") { Description = "Код, латиницей через точку, например region.parents.registered", Required = true };
        var name = new Option<string>("--name") { Description = "Название подпоказателя", Required = true };
        var unit = new Option<string>("--unit") { Description = "Единица измерения, например «чел.»", DefaultValueFactory = _ => "чел." };
        var type = new Option<string>("--type") { Description = "integer (целое), decimal (дробное), flag (да/нет)", DefaultValueFactory = _ => "integer" };
        var period = new Option<string>("--period-type") { Description = "week, month, quarter или year", Required = true };
        var aggregation = new Option<string>("--aggregation") { Description = "last (последнее), sum (сумма), ever (хотя бы раз)", DefaultValueFactory = _ => "last" };
        var supplier = new Option<string>("--supplier") { Description = "school (вводит школа) или municipality (загружает муниципалитет)", DefaultValueFactory = _ => "school" };
        var add = new Command("add", "Добавить подпоказатель региона") { code, name, unit, type, period, aggregation, supplier };
        add.SetAction(async (parse, ct) =>
        {
            var database = await cli.OpenDatabaseAsync(parse.GetValue(CliApp.DbOption), parse.GetValue(CliApp.ProviderOption));
            await AddElement.RunAsync(database, new AddElement.Command(parse.GetValue(code)!, parse.GetValue(name)!, parse.GetValue(unit)!,
                Choice<Mera.Core.Domain.ElementValueType>(parse.GetValue(type)!, "--type"), PeriodKind(parse.GetValue(period)!),
                Choice<Mera.Core.Domain.TimeAggregation>(parse.GetValue(aggregation)!, "--aggregation"), parse.GetValue(supplier)!, cli.User), cli.Clock, ct);
            await cli.Out.WriteLineAsync($"Подпоказатель {parse.GetValue(code)} добавлен.");
            return 0;
        });
        return new Command("element", "Подпоказатели региона") { add };
    }

    /// <summary>`catalog indicator add`: a region's own indicator with its first formula.</summary>
    private static Command Indicator(CliContext cli)
    {
        var code = new Option<string>("--code") { Description = "Код, латиницей через точку, например region.munis.cos_model", Required = true };
        var name = new Option<string>("--name") { Description = "Название показателя", Required = true };
        var kind = new Option<string>("--kind") { Description = "percent (доля, %) или number (численность)", DefaultValueFactory = _ => "percent" };
        var unit = new Option<string?>("--unit") { Description = "Единица измерения (по умолчанию «%» для доли, «чел.» для численности)" };
        var group = new Option<string>("--group") { Description = "Группа на панели показателей", DefaultValueFactory = _ => "Показатели региона" };
        var from = new Option<string>("--from") { Description = "Формула действует с даты, ДД.ММ.ГГГГ", Required = true };
        var numerator = new Option<string>("--numerator") { Description = "Числитель, например region.parents.registered", Required = true };
        var denominator = new Option<string?>("--denominator") { Description = "Знаменатель (для доли)" };
        var add = new Command("add", "Добавить показатель региона") { code, name, kind, unit, group, from, numerator, denominator };
        add.SetAction(async (parse, ct) =>
        {
            var database = await cli.OpenDatabaseAsync(parse.GetValue(CliApp.DbOption), parse.GetValue(CliApp.ProviderOption));
            var indicatorKind = Choice<Mera.Core.Domain.IndicatorKind>(parse.GetValue(kind)!, "--kind");
            await AddIndicator.RunAsync(database, new AddIndicator.Command(parse.GetValue(code)!, parse.GetValue(name)!, indicatorKind,
                parse.GetValue(unit) ?? (indicatorKind == Mera.Core.Domain.IndicatorKind.Percent ? "%" : "чел."), parse.GetValue(group)!,
                CliFormat.Date(parse.GetValue(from))!.Value, parse.GetValue(numerator)!, parse.GetValue(denominator), cli.User), cli.Clock, ct);
            await cli.Out.WriteLineAsync($"Показатель {parse.GetValue(code)} добавлен.");
            return 0;
        });
        return new Command("indicator", "Показатели региона") { add };
    }

    private static T Choice<T>(string text, string flag) where T : struct, Enum =>
        Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _) ? value
            : throw new OperationRefusedException($"{flag}: «{text}» — допустимо {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}");

    private static Mera.Core.Domain.PeriodType PeriodKind(string text) => text.Trim().ToLowerInvariant() switch
    {
        "week" => Mera.Core.Domain.PeriodType.Week,
        "month" => Mera.Core.Domain.PeriodType.Month,
        "quarter" => Mera.Core.Domain.PeriodType.Quarter,
        "year" => Mera.Core.Domain.PeriodType.Year,
        _ => throw new OperationRefusedException($"--period-type: «{text}» — допустимо week, month, quarter, year"),
    };

    private static Command List(CliContext cli)
    {
        var format = PlanCommands.Format();
        var command = new Command("list", "Показатели с действующими версиями формул и формы со сроками") { format };
        command.SetAction(async (parse, ct) =>
        {
            var database = await cli.OpenReadDatabaseAsync(parse);
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

    /// <summary>`catalog form add`: a region's own form.</summary>
    private static Command FormAdd(CliContext cli)
    {
        var code = new Option<string>("--code") { Description = "Код формы, например region-parents", Required = true };
        var name = new Option<string>("--name") { Description = "Название формы", Required = true };
        var period = new Option<string>("--period-type") { Description = "week, month, quarter или year", Required = true };
        var deadline = new Option<string>("--deadline") { Description = "Правило срока: last-month:DD, next-month:DD (можно с @MM) или end+Nd", Required = true };
        var elements = new Option<string>("--elements") { Description = "Коды подпоказателей через запятую", Required = true };
        var supplier = new Option<string>("--supplier") { Description = "Кто заполняет: school или municipality", DefaultValueFactory = _ => "school" };
        var receiver = new Option<string>("--receiver") { Description = "Кто получает: municipality или region", DefaultValueFactory = _ => "municipality" };
        var reminders = new Option<string?>("--reminder-days") { Description = "За сколько дней до срока напоминать, через запятую (по умолчанию 5,1)" };
        var add = new Command("add", "Добавить форму региона") { code, name, period, deadline, elements, supplier, receiver, reminders };
        add.SetAction(async (parse, ct) =>
        {
            var database = await cli.OpenDatabaseAsync(parse.GetValue(CliApp.DbOption), parse.GetValue(CliApp.ProviderOption));
            await AddForm.RunAsync(database, new AddForm.Command(parse.GetValue(code)!, parse.GetValue(name)!, PeriodKind(parse.GetValue(period)!),
                parse.GetValue(deadline)!, parse.GetValue(elements)!.Split(','), parse.GetValue(supplier)!, parse.GetValue(receiver)!,
                parse.GetValue(reminders), cli.User), cli.Clock, ct);
            await cli.Out.WriteLineAsync($"Форма {parse.GetValue(code)} добавлена.");
            return 0;
        });
        return add;
    }

    private static Command Form(CliContext cli)
    {
        var code = new Argument<string>("code") { Description = "Код формы" };
        var name = new Option<string?>("--name") { Description = "Название формы" };
        var deadline = new Option<string?>("--deadline") { Description = "Правило срока: last-month:DD, next-month:DD (можно с @MM) или end+Nd" };
        var reminders = new Option<string?>("--reminder-days") { Description = "За сколько дней до срока напоминать, через запятую: 5,1" };
        var command = new Command("form", "Изменить название, срок или дни напоминаний формы (или: form add — добавить форму региона)")
        {
            code, name, deadline, reminders, FormAdd(cli),
        };
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
