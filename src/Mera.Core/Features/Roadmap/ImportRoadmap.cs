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
/// Результат; Срок «31.12.2020 далее ежегодно»; Соисполнители), as CSV, XLSX or a Word table. Blank numbers are given
/// in order. A repeated (amended) import finds each item by number, or by title when the file has no numbers
/// (<see cref="RoadmapMatching"/>): marks and evidence stay with their activity, an item no longer in the file is
/// archived with them, and the dry run lists what would be added, changed and removed.
/// </summary>
public static class ImportRoadmap
{
    public sealed record Command(string FilePath, string OrgCode, string User, bool DryRun = false, string? DisplayName = null)
    {
        /// <summary>Which table of a Word document to read (from 1); by default the first whose header fits.</summary>
        public int? Table { get; init; }
    }

    public sealed record Result(int Rows, int Added, int Updated, int Unchanged)
    {
        public int Removed { get; init; }

        /// <summary>One line per added, changed or removed item, for the dry run.</summary>
        public IReadOnlyList<string> Changes { get; init; } = [];

        /// <summary>Where a cell had to be interpreted (an item number Excel stored as a date).</summary>
        public IReadOnlyList<ImportIssue> Warnings { get; init; } = [];
    }

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
        var table = TableReader.OpenWithColumns(command.FilePath, [Title], command.DisplayName, command.Table);
        var columns = new RoadmapColumns(table, Number, Title, Start, End, Deadline, Responsible, Document, CoExecutors);
        await using var db = database.CreateContext();
        var org = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Code == command.OrgCode, ct)
            ?? throw new NotFoundException($"Организация с кодом «{command.OrgCode}» не найдена");
        var issues = new List<ImportIssue>();
        var warnings = new List<ImportIssue>();
        var items = new List<RoadmapMatching.Incoming>();
        var rows = 0;
        foreach (var row in table.Rows)
        {
            rows++;
            if (columns.AbsorbSubHeader(row) || row.Cell(columns.Index(1)).Length == 0)
            {
                continue;
            }
            var item = columns.Parse(row, org.Id, items.Count + 1, issues, warnings);
            if (item is not null)
            {
                items.Add(new(item, columns.Index(0) >= 0 && row.Cell(columns.Index(0)).Length > 0, row.RowNumber));
            }
        }
        foreach (var dup in items.GroupBy(i => i.Item.Number).Where(g => g.Count() > 1))
        {
            issues.Add(table.Error(null, columns.Index(0), $"номер «{dup.Key}» повторяется"));
        }
        if (items.Count == 0)
        {
            issues.Add(table.Error(null, -1, "в таблице нет мероприятий"));
        }
        var stored = await db.RoadmapItems.Where(i => i.OrgUnitId == org.Id).OrderBy(i => i.SortOrder).ToListAsync(ct);
        var matching = RoadmapMatching.Match(items, stored, table);
        issues.AddRange(matching.Ambiguous);
        if (issues.Count > 0)
        {
            throw new ImportRefusedException(issues);
        }
        var now = clock.GetUtcNow();
        var changes = new List<string>();
        var renumbered = new List<(RoadmapItem Stored, string Number)>();
        var fresh = new List<RoadmapItem>();
        int added = 0, updated = 0, unchanged = 0;
        foreach (var (incoming, current) in matching.Pairs)
        {
            var item = incoming.Item;
            (item.UpdatedAt, item.UpdatedBy) = (now, command.User);
            if (current is null)
            {
                fresh.Add(item);
                changes.Add($"добавлено: № {item.Number} «{RoadmapMatching.Short(item.Title)}»");
                added++;
            }
            else if (Fields(current) != Fields(item) || current.Number != item.Number)
            {
                changes.Add(current.Number == item.Number ? $"изменено: № {item.Number} «{RoadmapMatching.Short(item.Title)}»"
                    : $"изменено: № {current.Number} → № {item.Number} «{RoadmapMatching.Short(item.Title)}»");
                (current.Title, current.StartDate, current.EndDate, current.Deadline, current.Responsible, current.Document, current.CoExecutors, current.SortOrder) = Fields(item);
                (current.UpdatedAt, current.UpdatedBy) = (now, command.User);
                if (current.Number != item.Number)
                {
                    renumbered.Add((current, item.Number));
                }
                updated++;
            }
            else
            {
                unchanged++;
            }
        }
        foreach (var removed in matching.Removed)
        {
            changes.Add($"исключено (в архив{(removed.CompletedOn is null ? "" : " с отметкой о выполнении")}): № {removed.Number} «{RoadmapMatching.Short(removed.Title)}»");
            (removed.ArchivedAt, removed.UpdatedAt, removed.UpdatedBy) = (now, now, command.User);
        }
        if (!command.DryRun)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // Numbers are unique among items in force, and a filtered index is not one EF orders statements by: archive
            // and move renumbered items aside first, then give the numbers, then add the new items.
            foreach (var (item, _) in renumbered)
            {
                item.Number = $"~{item.Id}";
            }
            await db.SaveChangesAsync(ct);
            foreach (var (item, number) in renumbered)
            {
                item.Number = number;
            }
            await db.SaveChangesAsync(ct);
            db.RoadmapItems.AddRange(fresh);
            db.AuditLog.Add(AuditEntry.Of(clock, command.User, "roadmap.import", "roadmap", org.Code,
                $"{table.FileName}: +{added}, изменено {updated}, исключено {matching.Removed.Count}", org.Id));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        return new Result(rows, added, updated, unchanged) { Removed = matching.Removed.Count, Changes = changes, Warnings = warnings };
    }

    private static (string, DateOnly?, DateOnly?, string?, string?, string?, string?, int) Fields(RoadmapItem i) =>
        (i.Title, i.StartDate, i.EndDate, i.Deadline, i.Responsible, i.Document, i.CoExecutors, i.SortOrder);
}
