using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Templates;

/// <summary>
/// `./mera template --form F --period P --org SCHOOL|MUNICIPALITY --out DIR|FILE`: one XLSX per school for
/// schools that report offline (seed 002: 1–3 Mbit/s lines) — filled in Excel or LibreOffice and e-mailed back.
/// </summary>
public static class MakeTemplates
{
    public sealed record Command(string FormCode, string PeriodCode, string OrgCode, string OutPath);

    public sealed record Result(IReadOnlyList<string> Files);

    public static async Task<Result> RunAsync(MeraDb database, Command command, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var form = await db.Forms.AsNoTracking().SingleOrDefaultAsync(f => f.Code == command.FormCode, ct)
            ?? throw new NotFoundException($"Форма «{command.FormCode}» не найдена");
        if (form.Receiver != "municipality" || form.Elements.Count == 0)
        {
            throw new OperationRefusedException($"Форма «{form.Name}» не заполняется школами: шаблон для неё не формируется");
        }
        var period = Period.Parse(command.PeriodCode);
        if (period.Type != form.PeriodType)
        {
            throw new ArgumentException($"форма «{form.Name}» собирается за период типа «{PeriodTypeNames.ToRussian(form.PeriodType)}», указан {period.Code}");
        }
        var org = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Code == command.OrgCode, ct)
            ?? throw new NotFoundException($"Организация с кодом «{command.OrgCode}» не найдена");
        var schools = org.IsReportingUnit ? [org]
            : (await db.OrgUnits.AsNoTracking()
                .ReportingUnitsUnder(org)
                .OrderBy(o => o.Code).ToListAsync(ct))
                .Where(o => o.IsActiveOn(period.End)).ToList();
        if (schools.Count == 0)
        {
            throw new OperationRefusedException($"В «{org.Name}» нет действующих школ на {Formatting.RussianFormat.Date(period.End)}");
        }
        var codes = form.Elements;
        var elements = await db.DataElements.AsNoTracking().Where(e => codes.Contains(e.Code)).ToDictionaryAsync(e => e.Code, ct);
        var ordered = codes.Where(elements.ContainsKey).Select(c => elements[c]).ToList();
        var values = await TemplateValues.LoadAsync(db, schools.Select(s => s.Id).ToList(), ordered, period, ct);

        var single = schools.Count == 1 && command.OutPath.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);
        if (!single)
        {
            Directory.CreateDirectory(command.OutPath);
        }
        var files = new List<string>();
        foreach (var school in schools)
        {
            var path = single ? command.OutPath : Path.Combine(command.OutPath, FileName(form, period, school));
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }
            await using (var stream = File.Create(path))
            {
                TemplateWorkbook.Write(stream, new TemplateWorkbook.Content(form, period, school, ordered,
                    values.Current(school.Id), values.Previous(school.Id)));
            }
            files.Add(path);
        }
        return new Result(files);
    }

    /// <summary>File names stay ASCII-safe for mail clients: form_period_schoolcode.xlsx.</summary>
    public static string FileName(Form form, Period period, OrgUnit school)
    {
        var safe = string.Concat(school.Code.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
        return $"{form.Code}_{period.Code}_{safe}.xlsx";
    }
}
