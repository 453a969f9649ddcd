using System.CommandLine;
using System.Globalization;
using Mera.Core.Domain;
using Mera.Core.Engine;
using Mera.Core.Formatting;
using Mera.Core.Features.Indicators;
using Spectre.Console;

namespace Mera.Cli.Commands;

internal static class IndicatorsCommand
{
    public static Command Create(CliContext cli)
    {
        var org = new Option<string>("--org") { Description = "Код организации", Required = true };
        var period = new Option<string>("--period") { Description = "Период: 2024, 2024Q3, 2024-09, 2024-W05", Required = true };
        var children = new Option<bool>("--children") { Description = "Также по каждой подчиненной организации" };
        var indicator = new Option<string[]>("--indicator") { Description = "Только эти показатели (можно несколько)", AllowMultipleArgumentsPerToken = true };
        var format = new Option<string>("--format") { Description = "Формат вывода: table, json или csv", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "csv");
        var asOf = new Option<string?>("--as-of") { Description = "Дата, на которую оценивается исполнение плана (ДД.ММ.ГГГГ или ГГГГ-ММ-ДД; по умолчанию сегодня)" };
        var lagging = new Option<bool>("--lagging") { Description = "Только подчинённые организации ниже своего плана (не исполнен, под риском, пока не достигнуто)" };
        var command = new Command("indicators", "Рассчитать показатели для организации и периода") { org, period, children, indicator, format, asOf, lagging };
        command.SetAction(async (parse, ct) =>
        {
            var database = await cli.OpenReadDatabaseAsync(parse);
            var date = CliFormat.Date(parse.GetValue(asOf)) ?? cli.Clock.Today();
            IReadOnlyList<IndicatorResult> rows = await ComputeIndicators.RunAsync(database, new ComputeIndicators.Query(
                parse.GetValue(org)!, parse.GetValue(period)!, parse.GetValue(children) || parse.GetValue(lagging), parse.GetValue(indicator), date), ct);
            if (parse.GetValue(lagging))
            {
                rows = rows.Where(r => r.Org != parse.GetValue(org) && PlanFact.IsLagging(r.Status)).ToList();
            }
            switch (parse.GetValue(format))
            {
                case "json": await WriteJson(cli.Out, rows); break;
                case "csv": await WriteCsv(cli.Out, rows); break;
                default: WriteTable(cli.Console, rows); break;
            }
            return 0;
        });
        return command;
    }

    private static Task WriteJson(TextWriter output, IReadOnlyList<IndicatorResult> rows) => CliFormat.WriteJsonAsync(output, rows);

    private static async Task WriteCsv(TextWriter output, IReadOnlyList<IndicatorResult> rows)
    {
        await output.WriteLineAsync("org,orgName,period,indicator,name,numerator,denominator,value,unit,reported,expected,target,status");
        static string N(double? v) => v?.ToString("R", CultureInfo.InvariantCulture) ?? "";
        static string Q(string s) => SpreadsheetText.CsvField(s);
        foreach (var r in rows)
        {
            await output.WriteLineAsync(string.Join(",", Q(r.Org), Q(r.OrgName), r.Period, r.Indicator, Q(r.Name), N(r.Numerator), N(r.Denominator),
                N(r.Value), Q(r.Unit), r.Reported, r.Expected, N(r.Target), r.Status));
        }
    }

    private static void WriteTable(IAnsiConsole console, IReadOnlyList<IndicatorResult> rows)
    {
        foreach (var group in rows.GroupBy(r => r.Indicator))
        {
            var first = group.First();
            var table = new Table().Title($"[bold]{Markup.Escape(first.Name)}[/] ({first.Indicator}) — {Markup.Escape(first.PeriodName)}");
            table.AddColumns("Организация", "Значение", "Числитель", "Знаменатель", "Сдали", "План", "Исполнение");
            foreach (var r in group)
            {
                table.AddRow(Markup.Escape(r.OrgName), FormatValue(r.Value, r.Unit), FormatNumber(r.Numerator), FormatNumber(r.Denominator),
                    $"{r.Reported} из {r.Expected}", r.Target is null ? "—" : FormatValue(r.Target, r.Unit), r.StatusName);
            }
            console.Write(table);
        }
    }

    private static string FormatValue(double? value, string unit) => RussianFormat.Value(value, unit);

    private static string FormatNumber(double? value) => RussianFormat.Number(value);
}
