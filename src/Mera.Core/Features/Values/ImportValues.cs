using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Imports;
using Mera.Core.Features.Orgs;
using Mera.Core.Features.Indicators;
using Mera.Core.Reading;

namespace Mera.Core.Features.Values;

/// <summary>
/// `./mera import values FILE`: the generic `org,element,period,value` file (org = code or INN). `--period` fills
/// a missing period column; `--org` limits the file to one subtree. All-or-nothing, idempotent.
/// </summary>
public static class ImportValues
{
    public sealed record Command(string FilePath, string User, string? PeriodCode = null, string? OrgCode = null,
        bool DryRun = false, string? DisplayName = null, IProgress<ImportProgress>? Progress = null, Writer? Writer = null);

    private static readonly string[] OrgColumn = ["org", "организация", "код организации", "инн"];
    private static readonly string[] ElementColumn = ["element", "подпоказатель", "код подпоказателя"];
    private static readonly string[] PeriodColumn = ["period", "период"];
    private static readonly string[] ValueColumn = ["value", "значение"];

    public static async Task<ValueWrite.Result> RunAsync(MeraDb database, Command command, TimeProvider clock, CancellationToken ct = default)
    {
        Period? fixedPeriod = null;
        if (command.PeriodCode is not null)
        {
            fixedPeriod = Period.Parse(command.PeriodCode);
        }
        var required = fixedPeriod is null ? new[] { OrgColumn, ElementColumn, PeriodColumn, ValueColumn } : [OrgColumn, ElementColumn, ValueColumn];
        var table = TableReader.OpenWithColumns(command.FilePath, required, command.DisplayName);
        var sha256 = Task.Run(() => ContentHash.Sha256Of(command.FilePath), ct);
        int orgCol = table.ColumnOf(OrgColumn), elementCol = table.ColumnOf(ElementColumn),
            periodCol = table.ColumnOf(PeriodColumn), valueCol = table.ColumnOf(ValueColumn);

        // The directory and the elements come without EF Core: they are read while the EF model is still being built.
        var orgs = await OrgDirectory.LoadAsync(database, ct);
        var elements = await ElementRows.ByCodeAsync(database, ct);
        var scope = command.OrgCode is null ? null
            : orgs.ByCode(command.OrgCode) ?? throw new NotFoundException($"Организация с кодом «{command.OrgCode}» не найдена");

        var issues = new List<ImportIssue>();
        var records = new Dictionary<ValueKey, ValueRecord>();
        var checker = new ValueRowChecker(table, orgs, scope, elements, fixedPeriod, orgCol, elementCol, periodCol, valueCol);
        var rows = 0;
        // The file is read and split on one thread while its chunks are checked on others; they come back in file
        // order, so duplicates are found and named exactly as in a reading line by line.
        await foreach (var chunk in table.Rows.ReadAheadChunks(ct: ct).MapInOrder(checker.Check))
        {
            rows += chunk.Rows;
            command.Progress?.Report(new ImportProgress(rows, table.Progress.Fraction));
            issues.AddRange(chunk.Errors);
            foreach (var (record, orgCode) in chunk.Records)
            {
                var key = record.Key;
                if (records.TryAdd(key, record))
                {
                    continue;
                }
                var earlier = records[key];
                if (Math.Abs(earlier.Value - record.Value) > 1e-9)
                {
                    issues.Add(new ImportIssue(IssueSeverity.Error, table.FileName, record.Line, table.Header[valueCol],
                        $"значение для {orgCode} / {record.Element.Code} / {record.Period.Code} уже указано в строке {earlier.Line} другим ({ValueRules.Format(earlier.Value)})"));
                    continue;
                }
                records[key] = record;
            }
        }
        command.Progress?.Report(new ImportProgress(rows, 1));
        if (rows == 0)
        {
            issues.Add(new ImportIssue(IssueSeverity.Error, table.FileName, null, null, "в файле нет строк с данными"));
        }
        return await SaveImportBatch.RunAsync(database, new SaveImportBatch.Request(
            "values", table.FileName, await sha256, command.PeriodCode, command.OrgCode,
            records.Values.ToList(), issues, rows, Skipped: 0, command.DryRun, command.User)
        {
            Writer = command.Writer ?? Writer.Operator(command.User),
        }, clock, ct);
    }
}
