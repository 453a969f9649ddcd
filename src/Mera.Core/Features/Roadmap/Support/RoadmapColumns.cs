using Mera.Core.Domain;
using Mera.Core.Reading;

namespace Mera.Core.Features.Roadmap;

/// <summary>
/// The columns of a roadmap table. Seed 004 puts «Начало» and «Окончание» in a second header row under «Сроки
/// реализации»; seed 003 numbers its columns «1 2 3 4 5 6» under the header: both rows are recognised and skipped.
/// </summary>
internal sealed class RoadmapColumns
{
    private readonly TableData _table;
    private readonly int[] _index;

    public RoadmapColumns(TableData table, params string[][] names)
    {
        _table = table;
        _index = names.Select(n => table.ColumnOf(n)).ToArray();
    }

    /// <summary>0 №, 1 title, 2 start, 3 end, 4 deadline, 5 responsible, 6 document, 7 co-executors.</summary>
    public int Index(int field) => _index[field];

    public bool AbsorbSubHeader(TableRow row)
    {
        var start = FindIn(row, "начало");
        var end = FindIn(row, "окончание");
        if (start < 0 && end < 0)
        {
            return false;
        }
        if (start >= 0) _index[2] = start;
        if (end >= 0) _index[3] = end;
        if (_index[4] >= 0 && (_index[4] == start || _index[4] == end)) _index[4] = -1;
        return true;
    }

    public RoadmapItem? Parse(TableRow row, int orgId, int order, List<ImportIssue> issues, List<ImportIssue> warnings)
    {
        DateOnly? Date(int field)
        {
            var text = row.Cell(_index[field]);
            if (text.Length == 0) return null;
            if (CellParsing.TryDate(text, out var d)) return d;
            issues.Add(_table.Error(row.RowNumber, _index[field], $"«{text}» не является датой (ДД.ММ.ГГГГ)"));
            return null;
        }
        string? Text(int field) => row.Cell(_index[field]) is { Length: > 0 } t ? string.Join(' ', t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) : null;
        var deadline = Text(4);
        var end = Date(3) ?? Schedule.Parse(deadline).Date;
        if (end is null && deadline is null && _index[3] >= 0 && row.Cell(_index[3]).Length == 0)
        {
            issues.Add(_table.Error(row.RowNumber, _index[3], "не указан срок окончания"));
        }
        return new RoadmapItem
        {
            OrgUnitId = orgId, Number = (_index[0] >= 0 && _table.Number(row, _index[0], warnings) is { Length: > 0 } n ? n : order.ToString()).TrimEnd('.'), SortOrder = order, Title = Text(1)!,
            StartDate = Date(2), EndDate = end, Deadline = deadline ?? (end is DateOnly e ? e.ToString("dd.MM.yyyy") : null),
            Responsible = Text(5), Document = Text(6), CoExecutors = Text(7),
        };
    }

    private static int FindIn(TableRow row, string word)
    {
        for (var i = 0; i < row.Cells.Count; i++)
        {
            if (HeaderText.Normalize(row.Cells[i]) == word) return i;
        }
        return -1;
    }
}
