using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Indicators;
using Mera.Core.Reading;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Roadmap;

/// <summary>
/// `./mera roadmap import FILE --org CODE`: a roadmap table laid out like seed 004 (№; Наименование результата,
/// мероприятия, контрольной точки; Начало; Окончание — a second header row under «Сроки реализации»;
/// Ответственный исполнитель; Вид документа …) or seed 003 Annex 2 (№; Наименование мероприятия; Ответственный;
/// Результат; Срок «31.12.2020 далее ежегодно»; Соисполнители). Blank numbers are given in order; a repeated
/// import updates items by number and keeps what was reported on them.
/// </summary>
public static class ImportRoadmap
{
    public sealed record Command(string FilePath, string OrgCode, string User, bool DryRun = false, string? DisplayName = null);

    public sealed record Result(int Rows, int Added, int Updated, int Unchanged);

    private static readonly string[] Title = ["Наименование результата, мероприятия, контрольной точки", "Наименование мероприятия", "Мероприятие", "Наименование"];
    private static readonly string[] Number = ["№ п/п", "№", "Номер"];
    private static readonly string[] Start = ["Начало", "Дата начала"];
    private static readonly string[] End = ["Окончание", "Дата окончания"];
    private static readonly string[] Deadline = ["Срок", "Срок исполнения", "Сроки реализации"];
    private static readonly string[] Responsible = ["Ответственный исполнитель", "Ответственный", "Ответственные"];
    private static readonly string[] Document = ["Вид документа и характеристика результата", "Результат", "Документ"];
    private static readonly string[] CoExecutors = ["Соисполнители/исполнители", "Соисполнители", "Исполнители"];

    public static async Task<Result> RunAsync(MeraDb database, Command command, TimeProvider clock, CancellationToken ct = default)
    {
        var table = TableReader.OpenWithColumns(command.FilePath, [Title], command.DisplayName);
        var columns = new RoadmapColumns(table, Number, Title, Start, End, Deadline, Responsible, Document, CoExecutors);
        await using var db = database.CreateContext();
        var org = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Code == command.OrgCode, ct)
            ?? throw new NotFoundException($"Организация с кодом «{command.OrgCode}» не найдена");
        var issues = new List<ImportIssue>();
        var items = new List<RoadmapItem>();
        var rows = 0;
        foreach (var row in table.Rows)
        {
            rows++;
            if (columns.AbsorbSubHeader(row) || row.IsColumnNumbering || row.Cell(columns.Index(1)).Length == 0)
            {
                continue;
            }
            var item = columns.Parse(row, org.Id, items.Count + 1, issues);
            if (item is not null)
            {
                items.Add(item);
            }
        }
        foreach (var dup in items.GroupBy(i => i.Number).Where(g => g.Count() > 1))
        {
            issues.Add(table.Error(null, columns.Index(0), $"номер «{dup.Key}» повторяется"));
        }
        if (items.Count == 0)
        {
            issues.Add(table.Error(null, -1, "в таблице нет мероприятий"));
        }
        if (issues.Count > 0)
        {
            throw new ImportRefusedException(issues);
        }
        var existing = await db.RoadmapItems.Where(i => i.OrgUnitId == org.Id).ToDictionaryAsync(i => i.Number, ct);
        int added = 0, updated = 0, unchanged = 0;
        foreach (var item in items)
        {
            item.UpdatedAt = clock.GetUtcNow();
            item.UpdatedBy = command.User;
            if (!existing.TryGetValue(item.Number, out var current))
            {
                db.RoadmapItems.Add(item);
                added++;
            }
            else if ((current.Title, current.StartDate, current.EndDate, current.Deadline, current.Responsible, current.Document, current.CoExecutors, current.SortOrder)
                != (item.Title, item.StartDate, item.EndDate, item.Deadline, item.Responsible, item.Document, item.CoExecutors, item.SortOrder))
            {
                (current.Title, current.StartDate, current.EndDate, current.Deadline, current.Responsible, current.Document, current.CoExecutors, current.SortOrder) =
                    (item.Title, item.StartDate, item.EndDate, item.Deadline, item.Responsible, item.Document, item.CoExecutors, item.SortOrder);
                (current.UpdatedAt, current.UpdatedBy) = (item.UpdatedAt, item.UpdatedBy);
                updated++;
            }
            else
            {
                unchanged++;
            }
        }
        if (!command.DryRun)
        {
            db.AuditLog.Add(AuditEntry.Of(clock, command.User, "roadmap.import", "roadmap", org.Code, $"{table.FileName}: +{added}, изменено {updated}", org.Id));
            await db.SaveChangesAsync(ct);
        }
        return new Result(rows, added, updated, unchanged);
    }
}
