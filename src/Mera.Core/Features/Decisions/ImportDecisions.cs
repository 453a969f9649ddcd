using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Indicators;
using Mera.Core.Reading;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Decisions;

/// <summary>
/// `./mera decisions import FILE --org CODE`: decision items one per row — Решение (№), Дата, Наименование решения,
/// Пункт, Текст, Ответственный, Срок («ежемесячно до 25 числа», «до 01.02.2025, далее постоянно»). Items are
/// updated by decision and item number; what was reported on them is kept.
/// </summary>
public static class ImportDecisions
{
    public sealed record Command(string FilePath, string OrgCode, string User, string? DisplayName = null)
    {
        /// <summary>Which table of a Word document to read (from 1); by default the first whose header fits.</summary>
        public int? Table { get; init; }
    }

    /// <summary>Warnings say where a cell had to be interpreted (a number Excel stored as a date).</summary>
    public sealed record Result(int Decisions, int Items)
    {
        public IReadOnlyList<ImportIssue> Warnings { get; init; } = [];
    }

    public static async Task<Result> RunAsync(MeraDb database, Command command, TimeProvider clock, CancellationToken ct = default)
    {
        string[] number = ["Решение", "№ решения", "Номер решения"], date = ["Дата", "Дата решения"], title = ["Наименование решения", "Заголовок", "Вопрос"],
            item = ["Пункт", "№ пункта"], text = ["Текст", "Содержание", "Текст пункта"], responsible = ["Ответственный", "Ответственные"], deadline = ["Срок"];
        var table = TableReader.OpenWithColumns(command.FilePath, [number, date, item, text], command.DisplayName, command.Table);
        int nCol = table.ColumnOf(number), dCol = table.ColumnOf(date), tCol = table.ColumnOf(title), iCol = table.ColumnOf(item),
            xCol = table.ColumnOf(text), rCol = table.ColumnOf(responsible), sCol = table.ColumnOf(deadline);
        await using var db = database.CreateContext();
        var org = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Code == command.OrgCode, ct)
            ?? throw new NotFoundException($"Организация с кодом «{command.OrgCode}» не найдена");
        var decisions = await db.Decisions.Include(d => d.Items).Where(d => d.OrgUnitId == org.Id).ToDictionaryAsync(d => d.Number, ct);
        var issues = new List<ImportIssue>();
        var warnings = new List<ImportIssue>();
        var items = 0;
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
                issues.Add(table.Error(row.RowNumber, n.Length == 0 ? nCol : row.Cell(iCol).Length == 0 ? iCol : xCol, "не заполнено"));
                continue;
            }
            if (!decisions.TryGetValue(n, out var decision))
            {
                decision = new Decision { OrgUnitId = org.Id, Number = n, Date = on, Title = row.Cell(tCol) is { Length: > 0 } t ? t : $"Решение № {n}" };
                db.Decisions.Add(decision);
                decisions[n] = decision;
            }
            var current = decision.Items.FirstOrDefault(i => i.Number == itemNumber);
            if (current is null)
            {
                current = new DecisionItem { Number = itemNumber, Text = row.Cell(xCol) };
                decision.Items.Add(current);
            }
            (current.Text, current.Responsible, current.Deadline) = (row.Cell(xCol), Empty(row.Cell(rCol)), Empty(row.Cell(sCol)));
            items++;
        }
        if (issues.Count > 0)
        {
            throw new ImportRefusedException(issues);
        }
        db.AuditLog.Add(AuditEntry.Of(clock, command.User, "decisions.import", "decision", org.Code, $"{table.FileName}: пунктов {items}", org.Id));
        await db.SaveChangesAsync(ct);
        return new Result(decisions.Count, items) { Warnings = warnings };
    }

    private static string? Empty(string text) => text.Length == 0 ? null : text;
}
