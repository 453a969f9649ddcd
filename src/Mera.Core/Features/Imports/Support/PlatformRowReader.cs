using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Orgs;
using Mera.Core.Features.Values;
using Mera.Core.Reading;
using Mera.Core.Reading.Platforms;

namespace Mera.Core.Features.Imports;

/// <summary>
/// Turns the rows of a platform export into value records: skips total rows and other municipalities' rows,
/// matches the school, parses every element cell (an empty cell is «no value», not zero), and collects every
/// problem with its row and column.
/// </summary>
internal sealed class PlatformRowReader(TableData table, PlatformColumns map, PlatformLayout layout, Period period,
    SchoolMatcher matcher, MunicipalityFilter? municipalities, bool skipUnmatched)
{
    private readonly Dictionary<ValueKey, ValueRecord> _records = [];
    private readonly Dictionary<int, int> _lineOfSchool = [];
    private int _otherMunicipality, _unmatched, _totals, _empty;

    public List<ImportIssue> Issues { get; } = [];
    public int RowsRead { get; private set; }
    public int Skipped => _otherMunicipality + _unmatched + _totals + _empty;
    public int RecordCount => _records.Count;

    /// <summary>The records read, as the list the batch saver takes (a copy: call once, at the end).</summary>
    public IReadOnlyList<ValueRecord> ToRecords() => [.. _records.Values];

    public void Read(TableRow row)
    {
        RowsRead++;
        string inn = row.Cell(map.Inn), name = row.Cell(map.Name), code = row.Cell(map.Code);
        if (inn.Length == 0 && code.Length == 0 && IsTotal(row))
        {
            _totals++;
            return;
        }
        if (municipalities is not null && map.Municipality >= 0 && !municipalities.Accepts(row.Cell(map.Municipality)))
        {
            _otherMunicipality++;
            return;
        }
        if (map.Present.All(c => row.Cell(c.Index).Length == 0))
        {
            _empty++;
            return;
        }
        var school = matcher.Find(inn, row.Cell(map.Kpp), code, name, out var problem);
        if (school is null)
        {
            var column = map.Inn >= 0 && inn.Length > 0 ? map.Inn : map.Name >= 0 ? map.Name : map.Code;
            Issues.Add(table.Issue(skipUnmatched ? IssueSeverity.Warning : IssueSeverity.Error, row.RowNumber, column,
                skipUnmatched ? $"{problem}; строка пропущена" : problem!));
            _unmatched++;
            return;
        }
        if (_lineOfSchool.TryGetValue(school.Id, out var earlier))
        {
            Issues.Add(table.Error(row.RowNumber, map.Inn >= 0 ? map.Inn : map.Name,
                $"школа «{school.Name}» уже указана в строке {earlier}"));
            return;
        }
        _lineOfSchool[school.Id] = row.RowNumber;
        foreach (var (index, element) in map.Present)
        {
            var text = row.Cell(index);
            if (text.Length == 0)
            {
                continue;
            }
            var value = ValueParsing.Parse(text, element, out var error);
            if (value is null)
            {
                Issues.Add(table.Error(row.RowNumber, index, error!));
                continue;
            }
            // A weekly export may carry monthly figures (Сферум's «за 12 месяцев»): they belong to the containing month.
            var at = period.ContainerOf(element.PeriodType);
            var record = new ValueRecord(school.Id, element, at, value.Value, row.RowNumber);
            _records[record.Key] = record;
        }
    }

    public List<string> Notes()
    {
        var notes = new List<string>();
        if (_otherMunicipality > 0)
        {
            notes.Add($"Пропущено строк других муниципалитетов: {_otherMunicipality}.");
        }
        if (_unmatched > 0 && skipUnmatched)
        {
            notes.Add($"Пропущено строк с ненайденными школами: {_unmatched} (см. предупреждения).");
        }
        if (_totals > 0)
        {
            notes.Add($"Пропущено итоговых строк: {_totals}.");
        }
        if (_empty > 0)
        {
            notes.Add($"Пропущено строк без значений: {_empty}.");
        }
        var missing = layout.Columns.Where(c => map.HeaderOf(c.ElementCode) is null).Select(c => $"«{c.Headers[0]}»").ToList();
        if (missing.Count > 0)
        {
            notes.Add($"В файле нет столбцов {string.Join(", ", missing)}: эти подпоказатели не изменены.");
        }
        return notes;
    }

    private static bool IsTotal(TableRow row) =>
        row.Cells.Any(c => HeaderText.Normalize(c) is var n && (n.StartsWith("итого", StringComparison.Ordinal) || n == "всего"));
}
