using Mera.Core.Data;
using Mera.Core.Features.Values;
using Mera.Core.Imports;

namespace Mera.Core.Features.Imports;

/// <summary>
/// Any import by kind, as the CLI, the web upload and jobs call it. A template upload may hold many files; every
/// other kind is one file. Each file is accepted or refused on its own; a refusal carries all its problems.
/// </summary>
public static class RunImport
{
    public static readonly IReadOnlyList<(string Kind, string TitleRu)> Kinds =
    [
        ("educont", "Выгрузка ЦОК educont.ru (квартал)"),
        ("sferum", "Статистика ИКОП «Сферум» (неделя)"),
        ("myschool", "Статистика ФГИС «Моя школа» (месяц)"),
        ("openschool", "Форма школы «Открытая школа» (квартал)"),
        ("template", "Заполненные шаблоны Mera (XLSX или ZIP)"),
        ("values", "Значения org,element,period,value"),
    ];

    public sealed record Command(string Kind, string FilePath, string User, string? PeriodCode, string? OrgCode, bool DryRun,
        bool SkipUnmatched = false, string? DisplayName = null, string? FormCode = null, IProgress<ImportProgress>? Progress = null,
        Writer? Writer = null);

    public sealed record FileOutcome(string File, SaveValueBatch.Result? Saved, IReadOnlyList<ImportIssue> Errors)
    {
        public bool Refused => Saved is null;
    }

    public static async Task<IReadOnlyList<FileOutcome>> RunAsync(MeraDb database, Command c, TimeProvider clock, CancellationToken ct = default)
    {
        var name = c.DisplayName ?? Path.GetFileName(c.FilePath);
        if (c.Kind == "template")
        {
            var result = await ImportTemplates.RunAsync(database, new ImportTemplates.Command(c.FilePath, c.User, c.OrgCode, c.PeriodCode,
                c.FormCode, c.DryRun, name, c.Writer), clock, ct);
            return result.Files.Select(f => new FileOutcome(f.File, f.Saved, f.Errors)).ToList();
        }
        try
        {
            var saved = c.Kind switch
            {
                "values" => await ImportValues.RunAsync(database, new ImportValues.Command(c.FilePath, c.User, c.PeriodCode, c.OrgCode, c.DryRun, name, c.Progress, c.Writer), clock, ct),
                "openschool" => await ImportOpenSchoolForm.RunAsync(database, new ImportOpenSchoolForm.Command(c.FilePath, c.User, c.PeriodCode, c.OrgCode, c.DryRun, name, c.Writer), clock, ct),
                "educont" or "sferum" or "myschool" => await ImportPlatformExport.RunAsync(database, new ImportPlatformExport.Command(
                    c.Kind, c.FilePath, c.User, c.PeriodCode, c.OrgCode, c.DryRun, c.SkipUnmatched, name, c.Progress, c.Writer), clock, ct),
                _ => throw new ArgumentException($"неизвестный вид загрузки «{c.Kind}»"),
            };
            return [new FileOutcome(name, saved, [])];
        }
        catch (ImportRefusedException refused)
        {
            return [new FileOutcome(name, null, refused.Issues)];
        }
    }
}
