using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Indicators;
using Mera.Core.Features.Orgs;
using Mera.Core.Features.Values;
using Mera.Core.Reading;
using Mera.Core.Reading.Platforms;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Imports;

/// <summary>
/// `./mera import educont|sferum|myschool FILE --period P --org CODE`: one row per school, matched by INN, KPP,
/// code or name inside the org's subtree. Rows of other municipalities are skipped and counted; unknown schools
/// refuse the file unless `SkipUnmatched` is set, when they are skipped and listed as warnings.
/// </summary>
public static class ImportPlatformExport
{
    public sealed record Command(string Kind, string FilePath, string User, string? PeriodCode, string? OrgCode,
        bool DryRun = false, bool SkipUnmatched = false, string? DisplayName = null, IProgress<ImportProgress>? Progress = null,
        Writer? Writer = null);

    public static async Task<ValueWrite.Result> RunAsync(MeraDb database, Command command, TimeProvider clock, CancellationToken ct = default)
    {
        var layout = PlatformLayouts.ByKind(command.Kind) ?? throw new ArgumentException($"неизвестный вид выгрузки «{command.Kind}»");
        var period = PlatformPeriod(layout, command.PeriodCode);
        await using var db = database.CreateContext();
        var elements = await db.DataElements.AsNoTracking().ToDictionaryAsync(e => e.Code, ct);
        var map = PlatformColumns.For(layout, elements);
        var table = map.Open(command.FilePath, command.DisplayName ?? Path.GetFileName(command.FilePath));

        var orgs = await OrgDirectory.LoadAsync(db, ct);
        var scope = command.OrgCode is null ? null
            : orgs.ByCode(command.OrgCode) ?? throw new NotFoundException($"Организация с кодом «{command.OrgCode}» не найдена");
        var matcher = await SchoolMatcher.LoadAsync(db, scope, ct);
        var municipalities = await MunicipalityFilter.LoadAsync(db, scope, ct);

        var reader = new PlatformRowReader(table, map, layout, period, matcher, municipalities, command.SkipUnmatched);
        await foreach (var row in table.Rows.ReadAhead(ct))
        {
            reader.Read(row);
            if (reader.RowsRead % 2_000 == 0)
            {
                command.Progress?.Report(new ImportProgress(reader.RowsRead, table.Progress.Fraction));
            }
        }
        command.Progress?.Report(new ImportProgress(reader.RowsRead, 1));
        var issues = reader.Issues;
        foreach (var (index, header, expected) in map.UnrecognisedFamilyColumns(table))
        {
            // A renamed column of a known family would otherwise leave its values unloaded with only a notice.
            var message = $"столбец «{header}» не распознан; ожидаются столбцы {string.Join(", ", expected.Select(e => $"«{e}»"))}";
            issues.Add(table.Issue(command.SkipUnmatched ? IssueSeverity.Warning : IssueSeverity.Error, null, index,
                command.SkipUnmatched ? message + "; его значения не загружены" : message));
        }
        if (reader.RowsRead == 0)
        {
            issues.Add(table.Error(null, -1, "в файле нет строк с данными"));
        }
        else if (reader.RecordCount == 0 && issues.All(i => i.Severity != IssueSeverity.Error))
        {
            issues.Add(table.Error(null, -1, scope is null
                ? "ни одна строка не содержит значений"
                : $"в файле нет строк, относящихся к «{scope.Name}»"));
        }
        return await SaveImportBatch.RunAsync(database, new SaveImportBatch.Request(
            layout.Kind, table.FileName, ContentHash.Sha256Of(command.FilePath), period.Code, command.OrgCode,
            reader.ToRecords(), issues, reader.RowsRead, reader.Skipped, command.DryRun, command.User)
        {
            Writer = command.Writer ?? Writer.Operator(command.User),
            Notes = reader.Notes(),
            ColumnOf = map.HeaderOf,
            Sheet = table.Sheet,
        }, clock, ct);
    }

    private static Period PlatformPeriod(PlatformLayout layout, string? code)
    {
        var (noun, example, pageExample) = MissingInputException.PeriodExample(layout.PeriodType);
        if (string.IsNullOrWhiteSpace(code))
        {
            throw new MissingInputException(MissingInputException.Input.Period, $"для файла «{layout.TitleRu}»", example, pageExample);
        }
        var period = Period.Parse(code);
        if (period.Type != layout.PeriodType)
        {
            throw new MissingInputException(MissingInputException.Input.Period,
                $"{layout.TitleRu} содержит данные за {noun}, а указан период «{period.DisplayRu}»", example, pageExample);
        }
        return period;
    }
}
