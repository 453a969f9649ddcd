using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Orgs;
using Mera.Core.Reading;

namespace Mera.Core.Features.Values;

/// <summary>
/// Turns rows of the generic values file into value records, or into errors naming the row, column and reason.
/// Holds only read-only lookups, so chunks of one file are checked on several cores at once.
/// </summary>
internal sealed class ValueRowChecker(TableData table, OrgDirectory orgs, OrgRef? scope, IReadOnlyDictionary<string, DataElement> elements,
    Period? fixedPeriod, int orgCol, int elementCol, int periodCol, int valueCol)
{
    /// <summary>A checked chunk: its records (with the org code messages name) and its errors, in row order.</summary>
    public sealed record Checked(List<(ValueRecord Record, string OrgCode)> Records, List<ImportIssue> Errors, int Rows);

    public Checked Check(TableRow[] rows)
    {
        var records = new List<(ValueRecord, string)>(rows.Length);
        var errors = new List<ImportIssue>();
        // A file names a handful of periods over and over: each distinct text is parsed once per chunk.
        var periods = new Dictionary<string, (bool Ok, Period Period, string? Error)>();
        foreach (var row in rows)
        {
            var before = errors.Count;
            void Error(int col, string message) =>
                errors.Add(new ImportIssue(IssueSeverity.Error, table.FileName, row.RowNumber, col >= 0 ? table.Header[col] : null, message));

            var org = orgs.Resolve(row.Cell(orgCol), out var orgError);
            if (org is null) Error(orgCol, orgError!);
            else if (scope is not null && !org.IsInside(scope)) Error(orgCol, $"организация «{org.Code}» не входит в «{scope.Name}»");
            else if (org.Type is not (OrgUnitType.School or OrgUnitType.Branch)) Error(orgCol, $"значения принимаются только для школ и филиалов, «{org.Code}» — {OrgUnitTypeNames.ToRussian(org.Type)}");

            var code = row.Cell(elementCol);
            if (!elements.TryGetValue(code, out var element))
            {
                Error(elementCol, code.Length == 0 ? "не указан подпоказатель" : $"неизвестный подпоказатель «{code}»");
            }
            var periodText = periodCol >= 0 ? row.Cell(periodCol) : "";
            if (!periods.TryGetValue(periodText, out var parsed))
            {
                periods[periodText] = parsed = (TryPeriod(periodText, out var p, out var e), p, e);
            }
            var (hasPeriod, period, periodError) = parsed;
            if (!hasPeriod) Error(periodCol, periodError!);
            else if (element is not null && period.Type != element.PeriodType)
            {
                Error(periodCol, $"подпоказатель «{code}» собирается за период типа «{PeriodTypeNames.ToRussian(element.PeriodType)}», указан {period.Code}");
            }
            if (element is null)
            {
                continue;
            }
            if (ValueParsing.Parse(row.Cell(valueCol), element, out var valueError) is not { } value)
            {
                Error(valueCol, valueError ?? "неверное значение");
            }
            else if (errors.Count == before)
            {
                records.Add((new ValueRecord(org!.Id, element, period, value, row.RowNumber), org.Code));
            }
        }
        return new Checked(records, errors, rows.Length);
    }

    private bool TryPeriod(string text, out Period period, out string? error)
    {
        error = null;
        if (text.Length > 0)
        {
            return Period.TryParse(text, out period, out error);
        }
        period = fixedPeriod ?? default;
        error = fixedPeriod is null ? "не указан период" : null;
        return fixedPeriod is not null;
    }
}
