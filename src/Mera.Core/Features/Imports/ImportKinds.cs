using Mera.Core.Data;
using Mera.Core.Features.Values;

namespace Mera.Core.Features.Imports;

/// <summary>
/// Every kind of file Mera reads, in one place: its code, its title for people, what file it expects, and — for the
/// kinds that load values — the use case that reads it. The CLI's `import` argument, the web's «Вид файла» list and
/// `RunImport` all come from here; the plan documents (roadmap, agreement, decisions, targets) have their own
/// commands with their own parameters and are listed so that each file kind is named once.
/// </summary>
public static class ImportKinds
{
    public delegate Task<ValueWrite.Result> ValueReader(MeraDb database, RunImport.Command command, string displayName, TimeProvider clock,
        CancellationToken ct);

    public sealed record Kind(string Code, string TitleRu, string FileRu, ValueReader? ReadValues = null)
    {
        /// <summary>Loads data values (batches, dry run, undo); otherwise a plan document with its own command.</summary>
        public bool LoadsValues => ReadValues is not null || Code == Template;
    }

    public const string Template = "template";

    public static readonly IReadOnlyList<Kind> All =
    [
        new("educont", "Выгрузка ЦОК educont.ru (квартал)", "выгрузка educont.ru: CSV или XLSX", Platform),
        new("sferum", "Статистика ИКОП «Сферум» (неделя)", "статистика «Сферума»: CSV или XLSX", Platform),
        new("myschool", "Статистика ФГИС «Моя школа» (месяц)", "статистика «Моей школы»: CSV или XLSX", Platform),
        new("openschool", "Форма школы «Открытая школа» (квартал)", "форма школы: CSV, XLSX или DOCX",
            (db, c, name, clock, ct) => ImportOpenSchoolForm.RunAsync(db, new ImportOpenSchoolForm.Command(c.FilePath, c.User, c.PeriodCode, c.OrgCode, c.DryRun, name, c.Writer), clock, ct)),
        new(Template, "Заполненные шаблоны Mera (XLSX или ZIP)", "шаблоны Mera: XLSX, ZIP или папка"),
        new("values", "Значения org,element,period,value", "таблица org,element,period,value: CSV, XLSX или DOCX",
            (db, c, name, clock, ct) => ImportValues.RunAsync(db, new ImportValues.Command(c.FilePath, c.User, c.PeriodCode, c.OrgCode, c.DryRun, name, c.Progress, c.Writer), clock, ct)),
        new("roadmap", "Дорожная карта (план мероприятий)", "таблица мероприятий: CSV, XLSX или DOCX"),
        new("agreement", "Приложение 1 к соглашению (значения по годам)", "таблица значений по годам: CSV, XLSX или DOCX"),
        new("decisions", "Решения коллегии", "таблица пунктов решений: CSV, XLSX или DOCX"),
        new("targets", "Плановые значения показателей", "таблица org,indicator,year,value: CSV, XLSX или DOCX"),
    ];

    /// <summary>The kinds `import` and «Загрузки» accept.</summary>
    public static IReadOnlyList<Kind> Values { get; } = All.Where(k => k.LoadsValues).ToList();

    public static Kind Get(string code) =>
        All.FirstOrDefault(k => k.Code == code) ?? throw new OperationRefusedException(
            $"Неизвестный вид загрузки «{code}»: {string.Join(", ", Values.Select(k => k.Code))}");

    private static Task<ValueWrite.Result> Platform(MeraDb database, RunImport.Command c, string name, TimeProvider clock, CancellationToken ct) =>
        ImportPlatformExport.RunAsync(database, new ImportPlatformExport.Command(
            c.Kind, c.FilePath, c.User, c.PeriodCode, c.OrgCode, c.DryRun, c.SkipUnmatched, name, c.Progress, c.Writer), clock, ct);
}
