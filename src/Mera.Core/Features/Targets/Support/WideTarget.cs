using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Orgs;
using Mera.Core.Reading;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Targets;

/// <summary>
/// The wide layout of <see cref="ImportTargets"/> (seed 004): titles matched to catalog indicators by their words
/// (<see cref="IndicatorTitleMatcher"/>) or by the user's «фрагмент=код», municipalities by code, INN or name within the
/// org the table belongs to, base value and date kept. What cannot be placed refuses the file, each with its reason.
/// </summary>
internal static class WideTarget
{
    public static async Task<ImportTargets.Result> ImportAsync(MeraDb database, ImportTargets.Command command, TableData table,
        TimeProvider clock, CancellationToken ct)
    {
        var wide = WideTargetTable.Read(table);
        await using var db = database.CreateContext();
        var directory = await OrgDirectory.LoadAsync(db, ct);
        var scope = command.OrgCode is null
            ? throw new MissingInputException(MissingInputException.Input.Org,
                $"{table.FileName}: таблица называет муниципалитеты по именам", "код региона или муниципалитета, чья это таблица")
            : directory.ByCode(command.OrgCode) ?? throw new NotFoundException($"Организация с кодом «{command.OrgCode}» не найдена");
        var indicators = await db.Indicators.AsNoTracking().Include(i => i.Formulas).ToListAsync(ct);
        var issues = new List<ImportIssue>();
        var (byTitle, matches) = MatchTitles(wide, indicators, command.Maps, table, issues);
        var notes = wide.Titles.Where(t => wide.Lines.All(l => l.TitleRow != t.Row))
            .Select(t => $"Показатель «{Short(t.Title)}» (строка {t.Row}): в таблице нет строк со значениями.").ToList();
        var targets = new Dictionary<(int, string, int), Target>();
        var leftOut = new SortedSet<int>();
        foreach (var line in wide.Lines)
        {
            void Error(int column, string message) => issues.Add(table.Error(line.Row, column, message));
            if (!byTitle.TryGetValue(line.TitleRow, out var indicator))
            {
                continue; // the title's own error says why
            }
            var org = FindOrg(directory, scope, line.Org, out var orgError);
            if (org is null)
            {
                Error(wide.OrgColumn, orgError!);
                continue;
            }
            double? baseValue = null;
            if (line.BaseValue.Length > 0)
            {
                if (CellParsing.TryNumber(line.BaseValue, out var b)) baseValue = b;
                else Error(wide.BaseValueColumn, $"«{line.BaseValue}» не является числом");
            }
            DateOnly? baseDate = null;
            if (line.BaseDate.Length > 0)
            {
                if (CellParsing.TryDate(line.BaseDate, out var d)) baseDate = d;
                else Error(wide.BaseDateColumn, $"«{line.BaseDate}» не является датой (ДД.ММ.ГГГГ)");
            }
            foreach (var (year, text) in line.Years.Where(y => y.Value.Trim() is not ("" or "-" or "—")))
            {
                var column = wide.YearColumns[year];
                if (year < command.FromYear)
                {
                    leftOut.Add(year);
                    continue;
                }
                if (!CellParsing.TryNumber(text, out var plan))
                {
                    Error(column, $"«{text}» не является числом");
                }
                else if ((TargetRules.Problem(indicator, plan) ?? TargetRules.BeforeFormula(indicator, year)) is { } problem)
                {
                    Error(column, problem);
                }
                else
                {
                    targets[(org.Id, indicator.Code, year)] = new Target
                    {
                        OrgUnitId = org.Id, IndicatorCode = indicator.Code, Year = year, Value = plan, BaseValue = baseValue, BaseDate = baseDate,
                    };
                }
            }
        }
        if (issues.Count > 0)
        {
            throw new ImportRefusedException(issues);
        }
        if (leftOut.Count > 0)
        {
            notes.Add($"Не загружены годы до {command.FromYear}: {string.Join(", ", leftOut)}.");
        }
        var existing = await db.Targets.ToDictionaryAsync(t => (t.OrgUnitId, t.IndicatorCode, t.Year), ct);
        var codes = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Code, ct);
        var writer = new TargetWriter(db, existing, command.User, clock);
        foreach (var target in targets.Values)
        {
            writer.Write(target, codes[target.OrgUnitId]);
        }
        if (!command.DryRun)
        {
            await db.SaveChangesAsync(ct);
        }
        return new ImportTargets.Result(wide.Lines.Count + wide.Titles.Count, writer.Added, writer.Updated, writer.Unchanged)
        {
            Matches = matches, Notes = notes,
        };
    }

    /// <summary>Each title's indicator (by the title's row), and a line per title saying how it was understood.</summary>
    private static (Dictionary<int, Indicator>, List<string>) MatchTitles(WideTargetTable wide, IReadOnlyList<Indicator> indicators,
        IReadOnlyList<string> maps, TableData table, List<ImportIssue> issues)
    {
        var byCode = indicators.ToDictionary(i => i.Code);
        var mapped = new List<(string Fragment, Indicator Indicator)>();
        foreach (var map in maps)
        {
            var parts = map.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || !byCode.TryGetValue(parts[1], out var target))
            {
                issues.Add(table.Error(null, -1, parts.Length == 2 && parts[0].Length > 0
                    ? $"соответствие «{map}»: показателя «{parts[1]}» нет в каталоге"
                    : $"соответствие «{map}» записано не как «фрагмент названия=код показателя»"));
                continue;
            }
            mapped.Add((HeaderText.Normalize(parts[0]), target));
        }
        var matcher = new IndicatorTitleMatcher(indicators);
        var byTitle = new Dictionary<int, Indicator>();
        var lines = new List<string>();
        // Only titles with lines are matched: a title the table gives no numbers for needs no indicator (it is noted).
        foreach (var (title, row) in wide.Titles.Where(t => wide.Lines.Any(l => l.TitleRow == t.Row)))
        {
            var normalized = HeaderText.Normalize(title);
            var (found, best) = mapped.FirstOrDefault(m => normalized.Contains(m.Fragment, StringComparison.Ordinal)) is { Indicator: { } m }
                ? (m, (IReadOnlyList<IndicatorTitleMatcher.Candidate>)[])
                : matcher.Match(title);
            if (found is not null)
            {
                byTitle[row] = found;
                var how = best.Count == 0 ? "по указанному соответствию" : $"сходство {Score(best[0].Score)}";
                lines.Add($"«{Short(title)}» → {found.Code} «{Short(found.Name)}» ({how})");
            }
            else
            {
                var nearest = best.Count == 0 ? "похожих показателей нет"
                    : "ближайшие: " + string.Join("; ", best.Select(c => $"{c.Indicator.Code} «{Short(c.Indicator.Name)}» ({Score(c.Score)})"));
                issues.Add(table.Error(row, -1, $"показатель «{Short(title)}» не найден в каталоге ({nearest}): укажите соответствие "
                    + "«фрагмент названия=код показателя» (--map) или добавьте показатель в каталог"));
                lines.Add($"«{Short(title)}» → не найден");
            }
        }
        return (byTitle, lines);
    }

    /// <summary>A municipality of the table by code, INN or name («Асекеевский район» is «Асекеевский муниципальный район»).</summary>
    private static OrgRef? FindOrg(OrgDirectory directory, OrgRef scope, string text, out string? error)
    {
        error = null;
        if (directory.ByCode(text) is { } byCode && (byCode.IsInside(scope) || byCode.Id == scope.Id))
        {
            return byCode;
        }
        var key = NameKey(text);
        var named = directory.All.Where(o => o.IsInside(scope) && o.Type != OrgUnitType.School && NameKey(o.Name) == key).ToList();
        if (named.Count == 1)
        {
            return named[0];
        }
        error = named.Count > 1
            ? $"«{text}» — несколько организаций ({string.Join(", ", named.Select(o => o.Code))}): укажите код"
            : $"«{text}» не найдена среди организаций «{scope.Name}» (ни по коду, ни по названию)";
        return null;
    }

    private static readonly string[] GenericWords =
        ["муниципальный", "муниципального", "муниципальное", "район", "района", "городской", "округ", "образование", "город", "г"];

    private static string NameKey(string name) => string.Concat(name.ToLowerInvariant().Replace('ё', 'е')
        .Split([' ', '-', '.', ',', '«', '»', '"'], StringSplitOptions.RemoveEmptyEntries).Where(w => !GenericWords.Contains(w)));

    private static string Score(double score) => score.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture).Replace('.', ',');

    private static string Short(string text) => Formatting.RussianFormat.Shortened(text, 70);
}
