using Mera.Core.Features.Imports;
using Mera.Core.Domain;
using System.CommandLine;
using Mera.Core.Features.Decisions;
using Mera.Core.Features.Roadmap;
using Mera.Core.Formatting;
using Spectre.Console;

namespace Mera.Cli.Commands;

/// <summary>`./mera roadmap import|list|done` and `./mera decisions import|list|report`.</summary>
internal static class PlanCommands
{
    public static Command Roadmap(CliContext cli)
    {
        var org = new Option<string>("--org") { Description = "Код организации, чья это дорожная карта", Required = true };
        var file = new Argument<FileInfo>("file") { Description = "Таблица дорожной карты (CSV, XLSX, XLS, DOCX)" };
        var (table, dryRun) = (Table(), DryRun());
        var import = new Command("import", "Загрузить: " + ImportKinds.Get("roadmap").TitleRu) { file, org, table, dryRun };
        import.SetAction(async (parse, ct) =>
        {
            var database = await cli.OpenDatabaseAsync(parse.GetValue(CliApp.DbOption), parse.GetValue(CliApp.ProviderOption));
            var r = await ImportRoadmap.RunAsync(database, new ImportRoadmap.Command(parse.GetValue(file)!.FullName, parse.GetValue(org)!, cli.User,
                parse.GetValue(dryRun)) { Table = parse.GetValue(table) }, cli.Clock, ct);
            await WarnAsync(cli, r.Warnings);
            if (parse.GetValue(dryRun))
            {
                foreach (var change in r.Changes)
                {
                    await cli.Out.WriteLineAsync("  " + change);
                }
            }
            var removed = r.Removed > 0 ? $", исключено {r.Removed} (сохранены в архиве с отметками)" : "";
            await cli.Out.WriteLineAsync($"{(parse.GetValue(dryRun) ? "Проверка, ничего не записано. " : "")}Мероприятий: добавлено {r.Added}, изменено {r.Updated}{removed}, без изменений {r.Unchanged}.");
            return 0;
        });
        var (asOf, format) = (AsOf(), Format());
        var list = new Command("list", "Мероприятия и их состояние на дату") { org, asOf, format };
        list.SetAction(async (parse, ct) =>
        {
            var database = await cli.OpenReadDatabaseAsync(parse);
            var items = await ListRoadmap.RunAsync(database, parse.GetValue(org)!, Date(parse.GetValue(asOf), cli), ct);
            await WriteAsync(cli, parse.GetValue(format)!, items,
                ["№", "Мероприятие", "Начало", "Окончание", "Ответственный", "Документ", "Состояние"],
                i => [i.Number, i.Title, D(i.Start), i.Deadline ?? D(i.End), i.Responsible ?? "", i.Document ?? "", i.StatusName]);
            return 0;
        });
        var number = new Option<string>("--number") { Description = "Номер мероприятия", Required = true };
        var on = new Option<string?>("--on") { Description = "Дата выполнения (по умолчанию сегодня)" };
        var comment = new Option<string?>("--comment") { Description = "Комментарий, документ-подтверждение" };
        var done = new Command("done", "Отметить мероприятие выполненным") { org, number, on, comment };
        done.SetAction(async (parse, ct) =>
        {
            var database = await cli.OpenDatabaseAsync(parse.GetValue(CliApp.DbOption), parse.GetValue(CliApp.ProviderOption));
            await ReportRoadmapItem.RunAsync(database, new ReportRoadmapItem.Command(parse.GetValue(org)!, parse.GetValue(number)!,
                Date(parse.GetValue(on), cli), parse.GetValue(comment), cli.User), cli.Clock, ct);
            await cli.Out.WriteLineAsync($"Мероприятие № {parse.GetValue(number)} отмечено выполненным.");
            return 0;
        });
        return new Command("roadmap", "Дорожная карта (план мероприятий)") { import, list, done };
    }

    public static Command Decisions(CliContext cli)
    {
        var org = new Option<string>("--org") { Description = "Код организации (чьи решения)", Required = true };
        var file = new Argument<FileInfo>("file")
        {
            Description = "Пункты решений: таблица (Решение, Дата, Пункт, Текст, Ответственный, Срок) или текст решения в DOCX/TXT («1.1. …», «Срок: …»)",
        };
        var (table, dryRun) = (Table(), DryRun());
        var import = new Command("import", "Загрузить: " + ImportKinds.Get("decisions").TitleRu) { file, org, table, dryRun };
        import.SetAction(async (parse, ct) =>
        {
            var database = await cli.OpenDatabaseAsync(parse.GetValue(CliApp.DbOption), parse.GetValue(CliApp.ProviderOption));
            var r = await ImportDecisions.RunAsync(database, new ImportDecisions.Command(parse.GetValue(file)!.FullName, parse.GetValue(org)!, cli.User)
            {
                Table = parse.GetValue(table), DryRun = parse.GetValue(dryRun),
            }, cli.Clock, ct);
            await WarnAsync(cli, r.Warnings);
            if (parse.GetValue(dryRun))
            {
                foreach (var line in r.Found)
                {
                    await cli.Out.WriteLineAsync("  пункт " + line);
                }
            }
            foreach (var line in r.Unplaced)
            {
                await cli.Out.WriteLineAsync("  не размещено: " + line);
            }
            await cli.Out.WriteLineAsync($"{(parse.GetValue(dryRun) ? "Проверка, ничего не записано. " : "")}Решений {r.Decisions}, пунктов {r.Items}.");
            return 0;
        });
        var (asOf, format) = (AsOf(), Format());
        var list = new Command("list", "Пункты решений и их состояние на дату") { org, asOf, format };
        list.SetAction(async (parse, ct) =>
        {
            var database = await cli.OpenReadDatabaseAsync(parse);
            var items = await ListDecisions.RunAsync(database, parse.GetValue(org)!, Date(parse.GetValue(asOf), cli), ct);
            await WriteAsync(cli, parse.GetValue(format)!, items, ["Решение", "Пункт", "Текст", "Ответственный", "Срок", "Ближайший срок", "Состояние"],
                i => [$"№ {i.Decision} от {D(i.DecisionDate)}", i.Number, i.Text, i.Responsible ?? "", i.Deadline ?? "", D(i.NextDeadline), i.StatusName]);
            return 0;
        });
        var item = new Option<int>("--item") { Description = "Идентификатор пункта (id из списка)", Required = true };
        var note = new Option<string>("--note") { Description = "Что сделано", Required = true };
        var on = new Option<string?>("--on") { Description = "Дата отчёта (по умолчанию сегодня)" };
        var report = new Command("report", "Отчёт об исполнении пункта решения") { item, note, on };
        report.SetAction(async (parse, ct) =>
        {
            var database = await cli.OpenDatabaseAsync(parse.GetValue(CliApp.DbOption), parse.GetValue(CliApp.ProviderOption));
            await ReportDecisionItem.RunAsync(database, new ReportDecisionItem.Command(parse.GetValue(item), Date(parse.GetValue(on), cli),
                parse.GetValue(note)!, cli.User), cli.Clock, ct);
            await cli.Out.WriteLineAsync("Отчёт сохранён.");
            return 0;
        });
        return new Command("decisions", "Решения коллегии и их исполнение") { import, list, report };
    }

    /// <summary>`--table N`: which table of a Word document holds the data, when the first with a fitting header is not it.</summary>
    internal static Option<int?> Table() => new("--table")
    {
        Description = "Номер таблицы в документе Word (по умолчанию — первая таблица с подходящей строкой заголовков)",
    };

    /// <summary>Where a cell had to be interpreted: said on stderr, like an import's warnings.</summary>
    internal static async Task WarnAsync(CliContext cli, IReadOnlyList<Mera.Core.Reading.ImportIssue> warnings)
    {
        foreach (var warning in warnings)
        {
            await cli.Error.WriteLineAsync($"Предупреждение: {warning}");
        }
    }

    internal static Option<bool> DryRun() => new("--dry-run") { Description = "Проверить файл и показать изменения, ничего не записывая" };

    internal static Option<string?> AsOf() => new("--as-of") { Description = "Дата, на которую определяется состояние (по умолчанию сегодня)" };

    internal static Option<string> Format()
    {
        var format = new Option<string>("--format") { Description = "table, json или csv", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "csv");
        return format;
    }

    /// <summary>The day a status is judged on: the option's date, or today.</summary>
    public static DateOnly Date(string? text, CliContext cli) => CliFormat.Date(text) ?? cli.Clock.Today();

    private static string D(DateOnly? d) => d is DateOnly v ? RussianFormat.Date(v) : "";

    internal static async Task WriteAsync<T>(CliContext cli, string format, IReadOnlyList<T> items, string[] headers, Func<T, string[]> cells)
    {
        if (format == "json")
        {
            await CliFormat.WriteJsonAsync(cli.Out, items);
            return;
        }
        if (format == "csv")
        {
            await cli.Out.WriteLineAsync(string.Join(';', headers));
            foreach (var i in items)
            {
                await cli.Out.WriteLineAsync(string.Join(";", cells(i).Select(SpreadsheetText.CsvField)));
            }
            return;
        }
        var table = new Table().AddColumns(headers);
        foreach (var i in items)
        {
            table.AddRow(cells(i).Select(Markup.Escape).ToArray());
        }
        cli.Console.Write(table);
    }
}

/// <summary>`./mera agreement import|link|show`: the agreement with the region and its plan against the fact.</summary>
internal static class AgreementCommands
{
    public static Command Create(CliContext cli)
    {
        var org = new Option<string>("--org") { Description = "Код муниципалитета — стороны соглашения", Required = true };
        var number = new Option<string>("--number") { Description = "Номер соглашения", Required = true };
        var date = new Option<string>("--date") { Description = "Дата соглашения ДД.ММ.ГГГГ", Required = true };
        var parties = new Option<string?>("--parties") { Description = "Стороны соглашения" };
        var file = new Argument<FileInfo>("file") { Description = "Приложение 1: значения результатов по годам" };
        var (table, dryRun) = (PlanCommands.Table(), PlanCommands.DryRun());
        var import = new Command("import", "Загрузить: " + ImportKinds.Get("agreement").TitleRu) { file, org, number, date, parties, table, dryRun };
        import.SetAction(async (parse, ct) =>
        {
            var database = await cli.OpenDatabaseAsync(parse.GetValue(CliApp.DbOption), parse.GetValue(CliApp.ProviderOption));
            var on = CliFormat.Date(parse.GetValue(date))!.Value;
            var r = await Mera.Core.Features.Agreements.ImportAgreement.RunAsync(database, new Mera.Core.Features.Agreements.ImportAgreement.Command(
                parse.GetValue(file)!.FullName, parse.GetValue(org)!, parse.GetValue(number)!, on, parse.GetValue(parties), cli.User)
            {
                Table = parse.GetValue(table), DryRun = parse.GetValue(dryRun),
            }, cli.Clock, ct);
            foreach (var note in r.Notes)
            {
                await cli.Out.WriteLineAsync(note);
            }
            await cli.Out.WriteLineAsync($"{(parse.GetValue(dryRun) ? "Проверка, ничего не записано. " : "")}Строк {r.Rows}, значений {r.Values}, годы {string.Join(", ", r.Years)}.");
            return 0;
        });
        var row = new Option<string>("--row") { Description = "Номер строки приложения", Required = true };
        var indicator = new Option<string>("--indicator") { Description = "Код показателя каталога", Required = true };
        var link = new Command("link", "Связать строку соглашения с показателем (её значения станут плановыми)") { org, number, row, indicator };
        link.SetAction(async (parse, ct) =>
        {
            var database = await cli.OpenDatabaseAsync(parse.GetValue(CliApp.DbOption), parse.GetValue(CliApp.ProviderOption));
            var n = await Mera.Core.Features.Agreements.LinkAgreementRow.RunAsync(database, new Mera.Core.Features.Agreements.LinkAgreementRow.Command(
                parse.GetValue(org)!, parse.GetValue(number)!, parse.GetValue(row)!, parse.GetValue(indicator)!, cli.User), cli.Clock, ct);
            await cli.Out.WriteLineAsync($"Строка связана с показателем; плановых значений записано: {n}.");
            return 0;
        });
        var asOf = new Option<string?>("--as-of") { Description = "Дата оценки исполнения (по умолчанию сегодня)" };
        var show = new Command("show", "План и факт по соглашению (JSON)") { org, number, asOf };
        show.SetAction(async (parse, ct) =>
        {
            var database = await cli.OpenReadDatabaseAsync(parse);
            var day = PlanCommands.Date(parse.GetValue(asOf), cli);
            var result = await Mera.Core.Features.Agreements.ShowAgreement.RunAsync(database, parse.GetValue(org)!, parse.GetValue(number)!, day, ct);
            await CliFormat.WriteJsonAsync(cli.Out, result);
            return 0;
        });
        return new Command("agreement", "Соглашение с регионом: значения результатов по годам") { import, link, show };
    }
}
