using System.CommandLine;
using Mera.Core.Features.Templates;

namespace Mera.Cli.Commands;

/// <summary>`./mera template --form F --period P --org SCHOOL|MUNICIPALITY --out DIR|FILE`.</summary>
internal static class TemplateCommand
{
    public static Command Create(CliContext cli)
    {
        var form = new Option<string>("--form") { Description = "Код формы: openschool, contingent, infrastructure, training, myschool …", Required = true };
        var period = new Option<string>("--period") { Description = "Отчётный период формы: 2024Q4, 2024, 2024-10", Required = true };
        var org = new Option<string>("--org") { Description = "Код школы или муниципалитета (тогда шаблон для каждой школы)", Required = true };
        var output = new Option<string>("--out") { Description = "Папка для шаблонов или имя файла .xlsx для одной школы", Required = true };
        var command = new Command("template", "Сформировать шаблоны Excel для заполнения школами") { form, period, org, output };
        command.SetAction(async (parse, ct) =>
        {
            var database = await cli.OpenDatabaseAsync(parse.GetValue(CliApp.DbOption), parse.GetValue(CliApp.ProviderOption));
            var result = await MakeTemplates.RunAsync(database, new MakeTemplates.Command(
                parse.GetValue(form)!, parse.GetValue(period)!, parse.GetValue(org)!, parse.GetValue(output)!), ct);
            foreach (var file in result.Files.Take(20))
            {
                await cli.Out.WriteLineAsync(file);
            }
            if (result.Files.Count > 20)
            {
                await cli.Out.WriteLineAsync($"… и ещё {result.Files.Count - 20}");
            }
            await cli.Out.WriteLineAsync($"Шаблонов сформировано: {result.Files.Count}.");
            return 0;
        });
        return command;
    }
}
