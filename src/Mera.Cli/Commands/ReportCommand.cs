using Mera.Core.Domain;
using System.CommandLine;
using Mera.Core.Features.Reports;
using Mera.Core.Features.Submissions;
using Mera.Core.Features.Users;
using Mera.Core.Documents;

namespace Mera.Cli.Commands;

/// <summary>`./mera report KIND --org CODE --period P --out FILE`: the format follows the extension.</summary>
internal static class ReportCommand
{
    public static Command Create(CliContext cli)
    {
        var kind = new Argument<string>("kind") { Description = "Вид отчёта: " + string.Join(", ", BuildReport.Kinds) };
        kind.AcceptOnlyFromAmong([.. BuildReport.Kinds]);
        var org = new Option<string>("--org") { Description = "Код организации", Required = true };
        var period = new Option<string>("--period") { Description = "Период: 2024, 2024Q3, 2024-09, 2024-W05", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "Файл отчёта: .xlsx, .docx, .pdf или .csv", Required = true };
        var form = new Option<string?>("--form") { Description = "Форма (для отчёта submissions; по умолчанию все школьные формы периода)" };
        var indicator = new Option<string[]>("--indicator") { Description = "Показатели (для schools и collegium; по умолчанию те, на которые установлен план)", AllowMultipleArgumentsPerToken = true };
        var asOf = new Option<string?>("--as-of") { Description = "Дата отчёта и оценки исполнения плана (по умолчанию сегодня)" };
        var executor = new Option<string?>("--executor") { Description = "Исполнитель: «ФИО, телефон» (по умолчанию MERA_EXECUTOR; без них отметка об исполнителе не ставится)" };
        var command = new Command("report", "Сформировать отчёт: сводная, в разрезе ОО, соглашение, справка к коллегии, мониторинг сдачи")
        {
            kind, org, period, output, form, indicator, asOf, executor,
        };
        command.SetAction(async (parse, ct) =>
        {
            var file = parse.GetValue(output)!;
            var format = ReportFormats.FromExtension(file.Name);
            var database = await cli.OpenReadDatabaseAsync(parse);
            var today = CliFormat.Date(parse.GetValue(asOf)) ?? cli.Clock.Today();
            var document = await BuildReport.RunAsync(database, new BuildReport.Query(parse.GetValue(kind)!, parse.GetValue(org)!,
                parse.GetValue(period)!, today, ExecutorMark.FromCli(parse.GetValue(executor)), parse.GetValue(form), parse.GetValue(indicator)), ct);
            // Written next to the target and moved into place, so a failed conversion never leaves half a file.
            var temporary = file.FullName + ".tmp";
            try
            {
                await using (var stream = File.Create(temporary))
                {
                    await ReportFormats.WriteAsync(document, format, stream, ct);
                }
                File.Move(temporary, file.FullName, overwrite: true);
            }
            finally
            {
                File.Delete(temporary);
            }
            await cli.Out.WriteLineAsync($"Отчёт сохранён: {file.FullName}");
            return 0;
        });
        return command;
    }
}
