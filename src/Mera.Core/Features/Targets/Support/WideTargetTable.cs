using System.Globalization;
using Mera.Core.Reading;

namespace Mera.Core.Features.Targets;

/// <summary>
/// A target table laid out as the region prints it (seed 004, «Показатели муниципального проекта»): a header with
/// «Базовое значение» (value, date) and a column per year; an indicator's title alone on a row; under it a row per
/// municipality with its base value, base date and the plan of each year. Several titles in a row with no lines
/// between them are kept as titles without lines (the dry run lists them), never guessed.
/// </summary>
internal sealed class WideTargetTable
{
    public sealed record Line(string Title, int TitleRow, string Org, int Row, string BaseValue, string BaseDate, IReadOnlyDictionary<int, string> Years);

    public required TableData Table { get; init; }
    public required IReadOnlyDictionary<int, int> YearColumns { get; init; }
    public int BaseValueColumn { get; init; } = -1;
    public int BaseDateColumn { get; init; } = -1;
    public int OrgColumn { get; init; }
    public List<Line> Lines { get; } = [];

    /// <summary>Titles with the row they stand on, in order, including those with no lines under them.</summary>
    public List<(string Title, int Row)> Titles { get; } = [];

    /// <summary>
    /// The header of a wide table: two or more consecutive years, side by side, and few other cells (the org column,
    /// the base value and date) — a row of numbers that happen to fall in 2000–2100 is not one.
    /// </summary>
    public static bool IsHeader(IReadOnlyList<string> cells)
    {
        var years = Years(cells);
        if (years.Count < 2)
        {
            return false;
        }
        var ordered = years.OrderBy(y => y.Key).ToList();
        var consecutive = ordered.Zip(ordered.Skip(1)).All(p => p.Second.Key == p.First.Key + 1 && p.Second.Value == p.First.Value + 1);
        var others = cells.Count(c => c.Trim().Length > 0) - years.Count;
        return consecutive && others <= 4;
    }

    public static WideTargetTable Read(TableData table)
    {
        var years = Years(table.Header);
        var baseValue = Enumerable.Range(0, table.Header.Count).FirstOrDefault(i => IsBaseValue(table.Header[i]), -1);
        var baseDate = Enumerable.Range(0, table.Header.Count).FirstOrDefault(i => HeaderText.Normalize(table.Header[i]).StartsWith("дата", StringComparison.Ordinal), -1);
        var org = Enumerable.Range(0, table.Header.Count).First(i => !years.ContainsValue(i) && i != baseValue && i != baseDate);
        var wide = new WideTargetTable { Table = table, YearColumns = years, BaseValueColumn = baseValue, BaseDateColumn = baseDate, OrgColumn = org };
        string? title = null;
        var titleRow = 0;
        foreach (var row in table.Rows)
        {
            var numbers = years.Values.Append(baseValue).Append(baseDate).Where(c => c >= 0).Select(row.Cell).Count(c => c.Length > 0);
            var text = string.Join(' ', row.Cells.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct());
            if (numbers == 0)
            {
                // A title (merged across the table, so the same text may fill every cell of the row).
                title = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                titleRow = row.RowNumber;
                wide.Titles.Add((title, titleRow));
                continue;
            }
            wide.Lines.Add(new Line(title ?? "", titleRow, row.Cell(org), row.RowNumber, baseValue >= 0 ? row.Cell(baseValue) : "",
                baseDate >= 0 ? row.Cell(baseDate) : "", years.ToDictionary(y => y.Key, y => row.Cell(y.Value))));
        }
        return wide;
    }

    private static bool IsBaseValue(string header)
    {
        var h = HeaderText.Normalize(header);
        return h is "значение" or "базовоезначение" or "базовоезначениезначение";
    }

    private static Dictionary<int, int> Years(IReadOnlyList<string> cells)
    {
        var years = new Dictionary<int, int>();
        for (var i = 0; i < cells.Count; i++)
        {
            var text = cells[i].Trim().Replace("год", "", StringComparison.OrdinalIgnoreCase).Trim().TrimEnd('.', 'г').Trim();
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2100)
            {
                years.TryAdd(year, i);
            }
        }
        return years;
    }
}
