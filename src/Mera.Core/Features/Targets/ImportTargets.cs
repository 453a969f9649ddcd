using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Indicators;
using Mera.Core.Features.Orgs;
using Mera.Core.Reading;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Targets;

/// <summary>
/// `./mera targets import FILE [--org CODE]`: either a list `org,indicator,year,value[,base_value,base_date]`, or a
/// table as the region prints it (seed 004: an indicator's title, then a row per municipality with its base value,
/// base date and a column per year — <see cref="WideTarget"/>). All-or-nothing, idempotent. A plan for a year before
/// the indicator's first formula is refused: no fact will ever be computed to compare it with.
/// </summary>
public static class ImportTargets
{
    public sealed record Command(string FilePath, string User, bool DryRun = false, string? DisplayName = null)
    {
        /// <summary>Which table of a Word document to read (from 1); by default the first whose header fits.</summary>
        public int? Table { get; init; }

        /// <summary>The region or municipality whose table it is: the wide layout names its municipalities by name.</summary>
        public string? OrgCode { get; init; }

        /// <summary>«фрагмент названия=код показателя»: a title containing the fragment is that indicator.</summary>
        public IReadOnlyList<string> Maps { get; init; } = [];

        /// <summary>Years before this one are left out (said in the answer), e.g. 2018–2019 of seed 004.</summary>
        public int? FromYear { get; init; }
    }

    public sealed record Result(int RowsRead, int Added, int Updated, int Unchanged)
    {
        /// <summary>How each printed title was understood: «title → code «name»» (the wide layout).</summary>
        public IReadOnlyList<string> Matches { get; init; } = [];

        public IReadOnlyList<string> Notes { get; init; } = [];
    }

    internal static readonly string[] OrgHeader = ["org", "организация", "инн"], IndicatorHeader = ["indicator", "показатель"],
        YearHeader = ["year", "год"], ValueHeader = ["value", "значение", "план"];

    public static async Task<Result> RunAsync(MeraDb database, Command command, TimeProvider clock, CancellationToken ct = default)
    {
        string[][] required = [OrgHeader, IndicatorHeader, YearHeader, ValueHeader];
        bool IsList(IReadOnlyList<string> cells) =>
            required.All(names => names.Any(n => cells.Any(c => HeaderText.Matches(c, HeaderText.Normalize(n)))));
        var table = TableReader.Open(command.FilePath, cells => IsList(cells) || WideTargetTable.IsHeader(cells), command.DisplayName, command.Table);
        if (table.Header.Count == 0)
        {
            throw ImportRefusedException.Of(table.FileName, "не найдена строка заголовков: ожидаются столбцы «org», «indicator», «year», «value» "
                + "или таблица показателей с базовым значением и столбцами по годам (2021, 2022 …)");
        }
        if (!IsList(table.Header))
        {
            return await WideTarget.ImportAsync(database, command, table, clock, ct);
        }
        string[] org = OrgHeader, indicator = IndicatorHeader, year = YearHeader, value = ValueHeader,
            baseValue = ["base_value", "базовое значение"], baseDate = ["base_date", "дата базового значения"],
            cumulative = ["cumulative", "нарастающим итогом"];
        int orgCol = table.ColumnOf(org), indCol = table.ColumnOf(indicator), yearCol = table.ColumnOf(year),
            valueCol = table.ColumnOf(value), baseCol = table.ColumnOf(baseValue), dateCol = table.ColumnOf(baseDate),
            cumulativeCol = table.ColumnOf(cumulative);
        await using var db = database.CreateContext();
        var orgs = await OrgDirectory.LoadAsync(db, ct);
        var indicators = await db.Indicators.AsNoTracking().Include(i => i.Formulas).ToDictionaryAsync(i => i.Code, ct);
        var existing = await db.Targets.ToDictionaryAsync(t => (t.OrgUnitId, t.IndicatorCode, t.Year), ct);
        var issues = new List<ImportIssue>();
        var parsed = new Dictionary<(int, string, int), (Target Row, int Line)>();
        var rows = 0;
        foreach (var row in table.Rows)
        {
            rows++;
            void Error(int col, string message) =>
                issues.Add(new ImportIssue(IssueSeverity.Error, table.FileName, row.RowNumber, col >= 0 ? table.Header[col] : null, message));
            var unit = orgs.Resolve(row.Cell(orgCol), out var orgError);
            if (unit is null) Error(orgCol, orgError!);
            var code = row.Cell(indCol);
            if (!indicators.ContainsKey(code)) Error(indCol, $"неизвестный показатель «{code}»");
            if (!int.TryParse(row.Cell(yearCol), out var y) || y < 2000 || y > 2100) Error(yearCol, $"«{row.Cell(yearCol)}» не является годом");
            if (!CellParsing.TryNumber(row.Cell(valueCol), out var plan)) Error(valueCol, $"«{row.Cell(valueCol)}» не является числом");
            else if (indicators.TryGetValue(code, out var known) && TargetRules.Problem(known, plan) is { } problem) Error(valueCol, problem);
            if (indicators.TryGetValue(code, out var dated) && y > 0 && TargetRules.BeforeFormula(dated, y) is { } early) Error(yearCol, early);
            double? baseNumber = null;
            if (row.Cell(baseCol).Length > 0)
            {
                if (CellParsing.TryNumber(row.Cell(baseCol), out var b)) baseNumber = b;
                else Error(baseCol, $"«{row.Cell(baseCol)}» не является числом");
            }
            DateOnly? date = null;
            if (row.Cell(dateCol).Length > 0)
            {
                if (CellParsing.TryDate(row.Cell(dateCol), out var d)) date = d;
                else Error(dateCol, $"«{row.Cell(dateCol)}» не является датой (ДД.ММ.ГГГГ)");
            }
            if (unit is null || !indicators.ContainsKey(code) || y == 0 || issues.Count > 0 && issues[^1].Row == row.RowNumber)
            {
                continue;
            }
            var target = new Target
            {
                OrgUnitId = unit.Id, IndicatorCode = code, Year = y, Value = plan, BaseValue = baseNumber, BaseDate = date,
                IsCumulative = CellParsing.Flag(row.Cell(cumulativeCol)) == true,
            };
            if (parsed.TryGetValue((unit.Id, code, y), out var earlier) && earlier.Row.Value != plan)
            {
                Error(valueCol, $"план для {unit.Code} / {code} / {y} уже указан в строке {earlier.Line} другим");
            }
            parsed[(unit.Id, code, y)] = (target, row.RowNumber);
        }
        if (issues.Count > 0)
        {
            throw new ImportRefusedException(issues);
        }
        var codes = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Code, ct);
        var writer = new TargetWriter(db, existing, command.User, clock);
        foreach (var (t, _) in parsed.Values)
        {
            writer.Write(t, codes[t.OrgUnitId]);
        }
        if (!command.DryRun)
        {
            await db.SaveChangesAsync(ct);
        }
        return new Result(rows, writer.Added, writer.Updated, writer.Unchanged);
    }
}
