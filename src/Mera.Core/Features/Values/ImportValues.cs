using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Orgs;
using Mera.Core.Features.Indicators;
using Mera.Core.Imports;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Values;

/// <summary>
/// `./mera import values FILE`: the generic `org,element,period,value` file (org = code or INN). `--period` fills
/// a missing period column; `--org` limits the file to one subtree. All-or-nothing, idempotent.
/// </summary>
public static class ImportValues
{
    public sealed record Command(string FilePath, string User, string? PeriodCode = null, string? OrgCode = null,
        bool DryRun = false, string? DisplayName = null, IProgress<ImportProgress>? Progress = null);

    private static readonly string[] OrgColumn = ["org", "организация", "код организации", "инн"];
    private static readonly string[] ElementColumn = ["element", "подпоказатель", "код подпоказателя"];
    private static readonly string[] PeriodColumn = ["period", "период"];
    private static readonly string[] ValueColumn = ["value", "значение"];

    public static async Task<SaveValueBatch.Result> RunAsync(MeraDb database, Command command, TimeProvider clock, CancellationToken ct = default)
    {
        Period? fixedPeriod = null;
        if (command.PeriodCode is not null)
        {
            fixedPeriod = Period.Parse(command.PeriodCode);
        }
        var required = fixedPeriod is null ? new[] { OrgColumn, ElementColumn, PeriodColumn, ValueColumn } : [OrgColumn, ElementColumn, ValueColumn];
        var table = TableReader.OpenWithColumns(command.FilePath, required, command.DisplayName);
        int orgCol = table.ColumnOf(OrgColumn), elementCol = table.ColumnOf(ElementColumn),
            periodCol = table.ColumnOf(PeriodColumn), valueCol = table.ColumnOf(ValueColumn);

        await using var db = database.CreateContext();
        var orgs = await OrgDirectory.LoadAsync(db, ct);
        var scope = command.OrgCode is null ? null
            : orgs.ByCode(command.OrgCode) ?? throw new NotFoundException($"Организация с кодом «{command.OrgCode}» не найдена");
        var elements = await db.DataElements.AsNoTracking().ToDictionaryAsync(e => e.Code, ct);

        var issues = new List<ImportIssue>();
        var records = new Dictionary<ValueKey, ValueRecord>();
        // A file names a handful of periods over and over: each distinct text is parsed once.
        var periods = new Dictionary<string, (bool Ok, Period Period, string? Error)>();
        var rows = 0;
        // The file is read and split on the second core while this one checks the rows.
        foreach (var row in table.Rows.ReadAhead())
        {
            rows++;
            if (rows % 10_000 == 0)
            {
                command.Progress?.Report(new ImportProgress(rows, table.Progress.Fraction));
            }
            void Error(int col, string message) =>
                issues.Add(new ImportIssue(IssueSeverity.Error, table.FileName, row.RowNumber, col >= 0 ? table.Header[col] : null, message));

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
                periods[periodText] = parsed = (TryPeriod(periodText, fixedPeriod, out var p, out var e), p, e);
            }
            var (hasPeriod, period, periodError) = parsed;
            if (!hasPeriod) Error(periodCol, periodError!);
            else if (element is not null && period.Type != element.PeriodType)
            {
                Error(periodCol, $"подпоказатель «{code}» собирается за период типа «{PeriodTypeNames.ToRussian(element.PeriodType)}», указан {period.Code}");
                hasPeriod = false;
            }
            var value = element is null ? null : ValueParsing.Parse(row.Cell(valueCol), element, out var valueError) is { } v ? v : Fail(valueCol, valueError, Error);
            if (org is null || element is null || !hasPeriod || value is null)
            {
                continue;
            }
            var record = new ValueRecord(org.Id, element, period, value.Value, row.RowNumber);
            var key = record.Key;
            if (records.TryAdd(key, record))
            {
                continue;
            }
            var earlier = records[key];
            if (Math.Abs(earlier.Value - record.Value) > 1e-9)
            {
                Error(valueCol, $"значение для {org.Code} / {code} / {period.Code} уже указано в строке {earlier.Line} другим ({ValueRules.Format(earlier.Value)})");
                continue;
            }
            records[key] = record;
        }
        command.Progress?.Report(new ImportProgress(rows, 1));
        if (rows == 0)
        {
            issues.Add(new ImportIssue(IssueSeverity.Error, table.FileName, null, null, "в файле нет строк с данными"));
        }
        return await SaveValueBatch.RunAsync(database, new SaveValueBatch.Request(
            "values", table.FileName, ContentHash.Sha256Of(command.FilePath), command.PeriodCode, command.OrgCode,
            records.Values.ToList(), issues, rows, Skipped: 0, command.DryRun, command.User), clock, ct);
    }

    private static bool TryPeriod(string text, Period? fixedPeriod, out Period period, out string? error)
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

    private static double? Fail(int col, string? error, Action<int, string> report)
    {
        report(col, error ?? "неверное значение");
        return null;
    }
}
