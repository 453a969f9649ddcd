using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Indicators;
using Mera.Core.Reading;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Decisions;

/// <summary>
/// `./mera decisions import FILE --org CODE [--dry-run]`: decision items one per row — Решение (№), Дата, Наименование
/// решения, Пункт, Текст, Ответственный, Срок («ежемесячно до 25 числа», «до 01.02.2025, далее постоянно») — from CSV,
/// XLSX or a Word table; or a decision written as it is signed, in numbered paragraphs (<see cref="DecisionProse"/>),
/// from a Word document without such a table or a text file. Items are updated by decision and item number; what was
/// reported on them is kept. The dry run lists the items found and what could not be placed.
/// </summary>
public static class ImportDecisions
{
    public sealed record Command(string FilePath, string OrgCode, string User, string? DisplayName = null)
    {
        /// <summary>Which table of a Word document to read (from 1); by default the first whose header fits.</summary>
        public int? Table { get; init; }

        public bool DryRun { get; init; }
    }

    /// <summary>
    /// Warnings say where a cell had to be interpreted (a number Excel stored as a date). <see cref="Found"/> lists
    /// the items read («2.2 — Взять под личный контроль… — срок: …»); <see cref="Unplaced"/> the paragraphs of a prose
    /// decision that are not items, so the user sees what Mera left out.
    /// </summary>
    public sealed record Result(int Decisions, int Items)
    {
        public IReadOnlyList<ImportIssue> Warnings { get; init; } = [];
        public IReadOnlyList<string> Found { get; init; } = [];
        public IReadOnlyList<string> Unplaced { get; init; } = [];
    }

    private sealed record Row(string Decision, DateOnly Date, string? Title, string Item, string Text, string? Responsible, string? Deadline);

    private static readonly string[] NumberHeader = ["Решение", "№ решения", "Номер решения"], DateHeader = ["Дата", "Дата решения"],
        TitleHeader = ["Наименование решения", "Заголовок", "Вопрос"], ItemHeader = ["Пункт", "№ пункта"],
        TextHeader = ["Текст", "Содержание", "Текст пункта"], ResponsibleHeader = ["Ответственный", "Ответственные"], DeadlineHeader = ["Срок"];

    public static async Task<Result> RunAsync(MeraDb database, Command command, TimeProvider clock, CancellationToken ct = default)
    {
        var name = command.DisplayName ?? Path.GetFileName(command.FilePath);
        var warnings = new List<ImportIssue>();
        var unplaced = new List<string>();
        var table = TableOrProse(command);
        var rows = table is null ? FromProse(command, name, unplaced) : FromTable(table, warnings);
        await using var db = database.CreateContext();
        var org = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Code == command.OrgCode, ct)
            ?? throw new NotFoundException($"Организация с кодом «{command.OrgCode}» не найдена");
        var decisions = await db.Decisions.Include(d => d.Items).Where(d => d.OrgUnitId == org.Id).ToDictionaryAsync(d => d.Number, ct);
        foreach (var row in rows)
        {
            if (!decisions.TryGetValue(row.Decision, out var decision))
            {
                decision = new Decision { OrgUnitId = org.Id, Number = row.Decision, Date = row.Date, Title = row.Title ?? $"Решение № {row.Decision}" };
                db.Decisions.Add(decision);
                decisions[row.Decision] = decision;
            }
            var current = decision.Items.FirstOrDefault(i => i.Number == row.Item);
            if (current is null)
            {
                current = new DecisionItem { Number = row.Item, Text = row.Text };
                decision.Items.Add(current);
            }
            (current.Text, current.Responsible, current.Deadline) = (row.Text, row.Responsible, row.Deadline);
        }
        if (!command.DryRun)
        {
            db.AuditLog.Add(AuditEntry.Of(clock, command.User, "decisions.import", "decision", org.Code, $"{name}: пунктов {rows.Count}", org.Id));
            await db.SaveChangesAsync(ct);
        }
        var found = rows.Select(r => $"{r.Decision}/{r.Item} — {Short(r.Text)} — ответственный: {r.Responsible ?? "не указан"}; срок: {r.Deadline ?? "не указан"}").ToList();
        return new Result(rows.Select(r => r.Decision).Distinct().Count(), rows.Count) { Warnings = warnings, Found = found, Unplaced = unplaced };
    }

    /// <summary>
    /// The decisions' table, read once; null when the decision is prose: a text file, or a Word document none of whose
    /// tables has the decisions' header.
    /// </summary>
    private static TableData? TableOrProse(Command command)
    {
        TableData Open() => TableReader.OpenWithColumns(command.FilePath, [NumberHeader, DateHeader, ItemHeader, TextHeader], command.DisplayName, command.Table);
        if (!DocumentText.MayBeProse(command.FilePath))
        {
            return Open();
        }
        if (Path.GetExtension(command.FilePath).Equals(".txt", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        try
        {
            return Open();
        }
        catch (ImportRefusedException) when (command.Table is null)
        {
            return null; // no table, or none with the header: the decision is written as text
        }
    }

    private static List<Row> FromProse(Command command, string name, List<string> unplaced)
    {
        var prose = DecisionProse.Parse(DocumentText.Paragraphs(command.FilePath, name));
        var problems = new List<string>();
        if (prose.Number is null) problems.Add("не найден номер решения (строка вида «№ 2»)");
        if (prose.Date is null) problems.Add("не найдена дата решения (ДД.ММ.ГГГГ в начале документа)");
        if (prose.Items.Count == 0) problems.Add("не найдены пункты решения (абзацы вида «1.1. …» после «РЕШИЛА:»)");
        if (problems.Count > 0)
        {
            throw new ImportRefusedException(problems.Select(p => new ImportIssue(IssueSeverity.Error, name, null, null, p)).ToList());
        }
        unplaced.AddRange(prose.Unplaced.Select(u => $"абзац {u.Paragraph}: «{Short(u.Text)}»"));
        return prose.Items.Select(i => new Row(prose.Number!, prose.Date!.Value, prose.Title, i.Number, i.Text, i.Responsible, i.Deadline)).ToList();
    }

    private static List<Row> FromTable(TableData table, List<ImportIssue> warnings)
    {
        int nCol = table.ColumnOf(NumberHeader), dCol = table.ColumnOf(DateHeader), tCol = table.ColumnOf(TitleHeader), iCol = table.ColumnOf(ItemHeader),
            xCol = table.ColumnOf(TextHeader), rCol = table.ColumnOf(ResponsibleHeader), sCol = table.ColumnOf(DeadlineHeader);
        var issues = new List<ImportIssue>();
        var rows = new List<Row>();
        foreach (var row in table.Rows)
        {
            var n = table.Number(row, nCol, warnings).TrimEnd('.');
            if (!CellParsing.TryDate(row.Cell(dCol), out var on))
            {
                issues.Add(table.Error(row.RowNumber, dCol, $"«{row.Cell(dCol)}» не является датой (ДД.ММ.ГГГГ)"));
                continue;
            }
            var itemNumber = table.Number(row, iCol, warnings).TrimEnd('.');
            if (n.Length == 0 || itemNumber.Length == 0 || row.Cell(xCol).Length == 0)
            {
                issues.Add(table.Error(row.RowNumber, n.Length == 0 ? nCol : itemNumber.Length == 0 ? iCol : xCol, "не заполнено"));
                continue;
            }
            rows.Add(new Row(n, on, Empty(row.Cell(tCol)), itemNumber, row.Cell(xCol), Empty(row.Cell(rCol)), Empty(row.Cell(sCol))));
        }
        if (issues.Count > 0)
        {
            throw new ImportRefusedException(issues);
        }
        return rows;
    }

    private static string? Empty(string text) => text.Length == 0 ? null : text;

    private static string Short(string text)
    {
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return Formatting.RussianFormat.Shortened(line, 70);
    }
}
