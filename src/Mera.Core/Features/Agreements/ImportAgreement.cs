using System.Text.RegularExpressions;
using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Indicators;
using Mera.Core.Reading;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Agreements;

/// <summary>
/// `./mera agreement import FILE --org CODE --number N --date D`: Annex 1 of seed 003 — rows grouped under
/// «Региональный проект …» lines, one column per year (the years may sit in a second header row), page breaks that
/// repeat the «1 2 3 4 5» column numbers and carry a row's text over. «6675, из них сертификатов ПФДО 1669» is kept
/// as 6675 with the rest as a note; «-» is no value. Re-importing replaces the table and keeps the links to indicators.
/// </summary>
public static partial class ImportAgreement
{
    public sealed record Command(string FilePath, string OrgCode, string Number, DateOnly Date, string? Parties, string User,
        string? DisplayName = null)
    {
        /// <summary>Which table of a Word document to read (from 1); by default the first whose header fits.</summary>
        public int? Table { get; init; }

        /// <summary>Read and compare, write nothing: the answer says which links would move or be dropped.</summary>
        public bool DryRun { get; init; }
    }

    public sealed record Result(int Rows, int Values, IReadOnlyList<int> Years)
    {
        /// <summary>What happened to the links of a re-imported (amended) agreement: moved with a renumbered row, or dropped.</summary>
        public IReadOnlyList<string> Notes { get; init; } = [];
    }

    public static async Task<Result> RunAsync(MeraDb database, Command c, TimeProvider clock, CancellationToken ct = default)
    {
        string[] title = ["Наименование результата (показателя)", "Наименование результата", "Наименование показателя"], number = ["№ п/п", "№"];
        var table = TableReader.OpenWithColumns(c.FilePath, [title], c.DisplayName, c.Table);
        int titleCol = table.ColumnOf(title), numberCol = table.ColumnOf(number);
        var years = YearColumns(table.Header);
        var rows = new List<(string Project, string Number, string Title, Dictionary<int, string> Cells)>();
        var project = "";
        foreach (var row in table.Rows)
        {
            if (years.Count == 0 && YearColumns(row.Cells) is { Count: > 0 } found)
            {
                years = found;
                continue;
            }
            if (row.IsColumnNumbering)
            {
                continue;
            }
            var text = Join(row.Cells.Where(x => x.Trim().Length > 0));
            var cells = years.ToDictionary(y => y.Key, y => row.Cell(y.Value));
            if (text.StartsWith("Региональный проект", StringComparison.OrdinalIgnoreCase) && cells.Values.All(v => v.Length == 0))
            {
                project = text;
                continue;
            }
            if (row.Cell(numberCol).Length == 0 && rows.Count > 0 && cells.Values.All(v => v.Length == 0) && row.Cell(titleCol).Length > 0)
            {
                var last = rows[^1]; // the title carried over a page break («че-» + «ловек»)
                rows[^1] = last with { Title = last.Title.EndsWith('-') ? last.Title[..^1] + row.Cell(titleCol) : last.Title + " " + row.Cell(titleCol) };
                continue;
            }
            if (row.Cell(numberCol).Length > 0 && row.Cell(titleCol).Length > 0)
            {
                rows.Add((project, row.Cell(numberCol).TrimEnd('.'), Join([row.Cell(titleCol)]), cells));
            }
        }
        if (years.Count == 0 || rows.Count == 0)
        {
            throw ImportRefusedException.Of(table.FileName, years.Count == 0 ? "не найдены столбцы с годами (2020, 2021 …)" : "в таблице нет строк результатов");
        }
        var issues = new List<ImportIssue>();
        var values = new List<AgreementValue>();
        foreach (var (r, index) in rows.Select((r, i) => (r, i)))
        {
            foreach (var (year, cell) in r.Cells)
            {
                var (value, note) = ParseCell(cell);
                if (value is null && note is not null && cell.Trim() is not ("-" or "—" or ""))
                {
                    issues.Add(table.Error(null, years[year], $"строка № {r.Number}: «{cell}» не является числом"));
                }
                values.Add(new AgreementValue { Project = r.Project, RowNumber = r.Number, SortOrder = index, Title = r.Title, Year = year, Value = value, Note = note });
            }
        }
        if (issues.Count > 0)
        {
            throw new ImportRefusedException(issues);
        }
        var notes = await SaveAsync(database, c, values, clock, ct);
        if (!c.DryRun)
        {
            // A corrected agreement corrects the targets of its linked rows.
            await LinkedTargets.WriteAsync(database, c.OrgCode, values, c.User, clock, ct);
        }
        return new Result(rows.Count, values.Count(v => v.Value is not null), years.Keys.Order().ToList()) { Notes = notes };
    }

    private static async Task<List<string>> SaveAsync(MeraDb database, Command c, List<AgreementValue> values, TimeProvider clock, CancellationToken ct)
    {
        await using var db = database.CreateContext();
        var org = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Code == c.OrgCode, ct)
            ?? throw new NotFoundException($"Организация с кодом «{c.OrgCode}» не найдена");
        var agreement = await db.Agreements.Include(a => a.Values).SingleOrDefaultAsync(a => a.OrgUnitId == org.Id && a.Number == c.Number, ct);
        var links = AgreementLinks.Carry(agreement?.Values ?? [], values);
        if (agreement is null)
        {
            agreement = new Agreement { OrgUnitId = org.Id, Number = c.Number };
            db.Agreements.Add(agreement);
        }
        agreement.Date = c.Date;
        agreement.Parties = c.Parties ?? agreement.Parties;
        agreement.Values.Clear();
        foreach (var v in values)
        {
            v.IndicatorCode = links.Codes.GetValueOrDefault(v.RowNumber);
            agreement.Values.Add(v);
        }
        var years = values.Select(v => v.Year).ToList();
        (agreement.ValidFrom, agreement.ValidTo) = (new DateOnly(years.Min(), 1, 1), new DateOnly(years.Max(), 12, 31));
        if (c.DryRun)
        {
            return links.Notes;
        }
        db.AuditLog.Add(AuditEntry.Of(clock, c.User, "agreement.import", "agreement", $"{c.OrgCode}/{c.Number}", $"строк {values.Select(v => v.RowNumber).Distinct().Count()}", org.Id));
        await db.SaveChangesAsync(ct);
        return links.Notes;
    }

    public static (double? Value, string? Note) ParseCell(string cell)
    {
        var t = cell.Trim();
        if (t.Length == 0 || t is "-" or "—" or "–")
        {
            return (null, null);
        }
        var m = LeadingNumber().Match(t);
        if (!m.Success || !CellParsing.TryNumber(m.Value, out var value))
        {
            return (null, t);
        }
        var rest = t[m.Length..].Trim().TrimStart(',', ';').Trim();
        return (value, rest.Length == 0 ? null : rest);
    }

    private static Dictionary<int, int> YearColumns(IReadOnlyList<string> cells)
    {
        var result = new Dictionary<int, int>();
        for (var i = 0; i < cells.Count; i++)
        {
            if (int.TryParse(cells[i].Trim(), out var y) && y is >= 2000 and <= 2100)
            {
                result[y] = i;
            }
        }
        return result;
    }

    private static string Join(IEnumerable<string> parts) => string.Join(' ', string.Join(' ', parts).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"^-?\d[\d\s\u00A0]*([.,]\d+)?")]
    private static partial Regex LeadingNumber();
}
