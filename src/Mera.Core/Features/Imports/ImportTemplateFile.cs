using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Indicators;
using Mera.Core.Features.Orgs;
using Mera.Core.Features.Values;
using Mera.Core.Reading;
using Mera.Core.Reading.Templates;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Imports;

/// <summary>
/// One filled template: the service sheet says which school, form and period it is for (checked against its seal
/// and against what the caller expects); the «Значение» column of the rows whose «Код» is one of the form's
/// elements gives the values. Empty cells change nothing and are reported.
/// </summary>
public static class ImportTemplateFile
{
    public sealed record Command(string FilePath, string DisplayName, string User, string? OrgCode, string? PeriodCode,
        string? FormCode, bool DryRun, Writer? Writer = null);

    public static async Task<ValueWrite.Result> RunAsync(MeraDb database, Command command, TimeProvider clock, CancellationToken ct = default)
    {
        var file = command.DisplayName;
        var service = TableReader.ReadKeyValueSheet(command.FilePath, MeraTemplate.ServiceSheet, file);
        var template = MeraTemplate.FromServiceRows(service ?? [], out var problem)
            ?? throw ImportRefusedException.Of(file, problem!);
        if (command.PeriodCode is not null && Period.Parse(command.PeriodCode).Code != template.PeriodCode)
        {
            throw ImportRefusedException.Of(file, $"шаблон за период {Describe(template.PeriodCode)}, а загружаются данные за {Period.Parse(command.PeriodCode).DisplayRu}");
        }
        if (command.FormCode is not null && command.FormCode != template.FormCode)
        {
            throw ImportRefusedException.Of(file, $"шаблон формы «{template.FormCode}», а загружается форма «{command.FormCode}»");
        }
        await using var db = database.CreateContext();
        var orgs = await OrgDirectory.LoadAsync(db, ct);
        var school = orgs.ByCode(template.OrgCode) ?? throw ImportRefusedException.Of(file, $"школа «{template.OrgCode}» из шаблона не найдена в реестре");
        if (command.OrgCode is not null)
        {
            var scope = orgs.ByCode(command.OrgCode) ?? throw new NotFoundException($"Организация с кодом «{command.OrgCode}» не найдена");
            if (!school.IsInside(scope))
            {
                // The school is not named: whose template it is stays unknown outside their own subtree.
                throw ImportRefusedException.Of(file, $"шаблон другой организации, не входящей в «{scope.Name}»: скачайте шаблон своей формы");
            }
        }
        var period = Period.Parse(template.PeriodCode);
        await CheckElementsOfFormAsync(db, template, file, ct);
        var elements = await db.DataElements.AsNoTracking().Where(e => template.ElementCodes.Contains(e.Code)).ToDictionaryAsync(e => e.Code, ct);

        var table = TableReader.OpenWithColumns(command.FilePath, [[MeraTemplate.CodeHeader], [MeraTemplate.ValueHeader]], file);
        int codeCol = table.ColumnOf(MeraTemplate.CodeHeader), valueCol = table.ColumnOf(MeraTemplate.ValueHeader);
        var issues = new List<ImportIssue>();
        var records = new Dictionary<string, ValueRecord>();
        var rows = 0;
        foreach (var row in table.Rows)
        {
            if (!elements.TryGetValue(row.Cell(codeCol), out var element))
            {
                continue; // instructions and the signature line under the table
            }
            rows++;
            var text = row.Cell(valueCol);
            if (text.Length == 0)
            {
                issues.Add(table.Issue(IssueSeverity.Warning, row.RowNumber, valueCol, $"не заполнено «{element.Name}» — значение не изменено"));
            }
            else if (ValueParsing.Parse(text, element, out var error) is double value)
            {
                var at = period.ContainerOf(element.PeriodType);
                records[element.Code] = new ValueRecord(school.Id, element, at, value, row.RowNumber);
            }
            else
            {
                issues.Add(table.Error(row.RowNumber, valueCol, error!));
            }
        }
        if (rows < elements.Count)
        {
            issues.Add(table.Error(null, codeCol, $"в шаблоне не хватает строк подпоказателей ({rows} из {elements.Count}): скачайте шаблон заново"));
        }
        return await SaveImportBatch.RunAsync(database, new SaveImportBatch.Request(
            "template", file, ContentHash.Sha256Of(command.FilePath), template.PeriodCode, school.Code,
            [.. records.Values], issues, rows, Skipped: 0, command.DryRun, command.User)
        {
            Writer = command.Writer ?? Writer.Operator(command.User),
            Sheet = table.Sheet,
            ColumnOf = _ => table.Header[valueCol],
            Notes = [$"Шаблон формы «{template.FormCode}» школы «{school.Name}», {period.DisplayRu}"],
        }, clock, ct);
    }

    /// <summary>
    /// A template carries exactly its form's elements: the seal proves the service sheet was not changed by accident, not
    /// that it was made by Mera, so a forged list (another form's elements) is refused here.
    /// </summary>
    private static async Task CheckElementsOfFormAsync(MeraDbContext db, MeraTemplate template, string file, CancellationToken ct)
    {
        var form = await db.Forms.AsNoTracking().SingleOrDefaultAsync(f => f.Code == template.FormCode, ct)
            ?? throw ImportRefusedException.Of(file, "в шаблоне указана форма, которой нет в каталоге: скачайте шаблон заново");
        if (form.Supplier != "school")
        {
            throw ImportRefusedException.Of(file, $"форму «{form.Name}» не заполняют вручную: её данные загружает отдел образования");
        }
        var expected = form.Elements.ToHashSet();
        var extra = template.ElementCodes.Where(c => !expected.Contains(c)).Distinct().ToList();
        var missing = expected.Where(c => !template.ElementCodes.Contains(c)).ToList();
        if (extra.Count == 0 && missing.Count == 0)
        {
            return;
        }
        var names = await db.DataElements.AsNoTracking().Where(e => extra.Contains(e.Code) || missing.Contains(e.Code))
            .ToDictionaryAsync(e => e.Code, e => e.Name, ct);
        string List(IEnumerable<string> codes) => string.Join("; ", codes.Select(c => names.TryGetValue(c, out var n) ? $"«{n}»" : "неизвестный подпоказатель"));
        var problem = extra.Count > 0 ? $"в шаблоне есть строки, которых нет в форме «{form.Name}»: {List(extra)}"
            : $"в шаблоне не хватает строк формы «{form.Name}»: {List(missing)}";
        throw ImportRefusedException.Of(file, problem + ". Скачайте шаблон формы заново");
    }

    private static string Describe(string code) => Period.TryParse(code, out var p, out _) ? p.DisplayRu : code;
}
