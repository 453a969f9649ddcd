using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Indicators;
using Mera.Core.Features.Orgs;
using Mera.Core.Features.Values;
using Mera.Core.Reading;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Imports;

/// <summary>
/// `./mera import openschool FILE --period P [--org CODE]`: one school's form of seed 000 §4 (№, Наименование
/// подпоказателя, Единица измерения, Значение подпоказателя). Rows are recognised by the element's name (or its
/// number 1–4); the school is `--org` when it names a school, otherwise the INN or name written above the table.
/// </summary>
public static class ImportOpenSchoolForm
{
    public sealed record Command(string FilePath, string User, string? PeriodCode, string? OrgCode, bool DryRun = false,
        string? DisplayName = null, Writer? Writer = null);

    private static readonly string[] NameHeaders = ["Наименование подпоказателя", "Подпоказатель", "Наименование показателя"];
    private static readonly string[] ValueHeaders = ["Значение подпоказателя", "Значение"];
    private static readonly string[] NumberHeaders = ["№ п/п", "№", "N п/п"];

    public static async Task<ValueWrite.Result> RunAsync(MeraDb database, Command command, TimeProvider clock, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(command.PeriodCode))
        {
            var (_, example, pageExample) = MissingInputException.PeriodExample(PeriodType.Quarter);
            throw new MissingInputException(MissingInputException.Input.Period, "для формы «Открытая школа»", example, pageExample);
        }
        var period = Period.Parse(command.PeriodCode);
        if (period.Type != PeriodType.Quarter)
        {
            throw new ArgumentException($"форма «Открытая школа» заполняется за квартал; указан период «{period.DisplayRu}»");
        }
        var table = TableReader.OpenWithColumns(command.FilePath, [NameHeaders, ValueHeaders], command.DisplayName);
        int nameCol = table.ColumnOf(NameHeaders), valueCol = table.ColumnOf(ValueHeaders), numberCol = table.ColumnOf(NumberHeaders);

        await using var db = database.CreateContext();
        var form = await db.Forms.AsNoTracking().SingleAsync(f => f.Code == "openschool", ct);
        var elements = await db.DataElements.AsNoTracking().Where(e => e.Code.StartsWith("openschool.")).ToDictionaryAsync(e => e.Code, ct);
        var ordered = form.Elements.Select(c => elements[c]).ToList();
        var school = await FindSchoolAsync(db, table, command.OrgCode, ct);

        var issues = new List<ImportIssue>();
        var records = new Dictionary<string, ValueRecord>();
        var rows = 0;
        foreach (var row in table.Rows)
        {
            rows++;
            var element = ElementOf(row.Cell(nameCol), row.Cell(numberCol), ordered);
            if (element is null)
            {
                continue; // signatures, notes and blank lines under the form
            }
            if (records.TryGetValue(element.Code, out var earlier))
            {
                issues.Add(table.Error(row.RowNumber, nameCol, $"подпоказатель уже указан в строке {earlier.Line}"));
                continue;
            }
            var text = row.Cell(valueCol);
            if (text.Length == 0)
            {
                issues.Add(table.Issue(IssueSeverity.Warning, row.RowNumber, valueCol, $"значение не заполнено — «{element.Name}» не изменён"));
                continue;
            }
            if (ValueParsing.Parse(text, element, out var error) is double value)
            {
                records[element.Code] = new ValueRecord(school.Id, element, period, value, row.RowNumber);
            }
            else
            {
                issues.Add(table.Error(row.RowNumber, valueCol, error!));
            }
        }
        if (records.Count == 0 && issues.All(i => i.Severity == IssueSeverity.Warning))
        {
            issues.Add(table.Error(null, -1, "в форме не найдено ни одного подпоказателя «Открытой школы» со значением"));
        }
        return await SaveImportBatch.RunAsync(database, new SaveImportBatch.Request(
            "openschool", table.FileName, ContentHash.Sha256Of(command.FilePath), period.Code, school.Code,
            [.. records.Values], issues, rows, Skipped: 0, command.DryRun, command.User)
        {
            Writer = command.Writer ?? Writer.Operator(command.User),
            ColumnOf = _ => table.Header[valueCol],
            Sheet = table.Sheet,
            Notes = [$"Форма школы «{school.Name}», {period.DisplayRu}"],
        }, clock, ct);
    }

    private static DataElement? ElementOf(string name, string number, List<DataElement> ordered)
    {
        var key = HeaderText.Normalize(name);
        if (key.Length > 0)
        {
            var byName = ordered.FirstOrDefault(e => HeaderText.Normalize(e.Name) is var n && (key == n || key.StartsWith(n, StringComparison.Ordinal)));
            if (byName is not null)
            {
                return byName;
            }
        }
        return int.TryParse(number.TrimEnd('.'), out var n) && n >= 1 && n <= ordered.Count && key.Length > 0 ? ordered[n - 1] : null;
    }

    /// <summary>`--org` naming a school wins; otherwise an INN or a school name written above the table, within `--org`.</summary>
    private static async Task<OrgRef> FindSchoolAsync(MeraDbContext db, TableData table, string? orgCode, CancellationToken ct)
    {
        var orgs = await OrgDirectory.LoadAsync(db, ct);
        var org = orgCode is null ? null : orgs.ByCode(orgCode) ?? throw new NotFoundException($"Организация с кодом «{orgCode}» не найдена");
        if (org is { Type: OrgUnitType.School or OrgUnitType.Branch })
        {
            return org;
        }
        var matcher = await SchoolMatcher.LoadAsync(db, org, ct);
        var found = new Dictionary<int, OrgRef>();
        foreach (var cell in table.Preamble.SelectMany(r => r.Cells).Where(c => c.Trim().Length > 0))
        {
            foreach (var candidate in Candidates(cell))
            {
                if (matcher.Find(candidate.Inn, null, null, candidate.Name, out _) is { } school)
                {
                    found[school.Id] = school;
                }
            }
        }
        return found.Count switch
        {
            1 => found.Values.Single(),
            0 => throw ImportRefusedException.Of(table.FileName,
                "не удалось определить школу: укажите --org с кодом школы или впишите ИНН школы над таблицей"),
            _ => throw ImportRefusedException.Of(table.FileName,
                $"над таблицей указано несколько школ ({string.Join(", ", found.Values.Select(s => s.Code))}): укажите --org"),
        };
    }

    private static IEnumerable<(string? Inn, string? Name)> Candidates(string cell)
    {
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(cell, @"\b\d{9,10}\b"))
        {
            yield return (m.Value, null);
        }
        var colon = cell.IndexOf(':');
        yield return (null, colon >= 0 ? cell[(colon + 1)..] : cell);
    }
}
