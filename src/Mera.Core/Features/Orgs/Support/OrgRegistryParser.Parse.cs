using Mera.Core.Domain;
using Mera.Core.Reading;

namespace Mera.Core.Features.Orgs;

public static class OrgRegistryParser
{
    public sealed record Parsed(IReadOnlyList<OrgRow> Rows, IReadOnlyList<ImportIssue> Issues);

    public static Parsed Parse(TableData table)
    {
        var c = OrgRegistryColumns.Code;
        int Col(string[] names) => table.ColumnOf(names);
        int code = Col(c), name = Col(OrgRegistryColumns.Name), type = Col(OrgRegistryColumns.Type), parent = Col(OrgRegistryColumns.ParentCode),
            shortName = Col(OrgRegistryColumns.ShortName), inn = Col(OrgRegistryColumns.Inn), kpp = Col(OrgRegistryColumns.Kpp),
            ogrn = Col(OrgRegistryColumns.Ogrn), address = Col(OrgRegistryColumns.Address), rural = Col(OrgRegistryColumns.IsRural),
            branch = Col(OrgRegistryColumns.IsBranch), email = Col(OrgRegistryColumns.Email), phone = Col(OrgRegistryColumns.Phone),
            director = Col(OrgRegistryColumns.Director), responsible = Col(OrgRegistryColumns.Responsible), active = Col(OrgRegistryColumns.Active);
        var rows = new List<OrgRow>();
        var issues = new List<ImportIssue>();
        var seen = new Dictionary<string, int>();
        foreach (var r in table.Rows)
        {
            void Error(int col, string message) =>
                issues.Add(new ImportIssue(IssueSeverity.Error, table.FileName, r.RowNumber, col >= 0 ? table.Header[col] : null, message));
            string? Opt(int col) => r.Cell(col) is { Length: > 0 } v ? v : null;

            var orgCode = r.Cell(code);
            if (orgCode.Length == 0) { Error(code, "не указан код организации"); continue; }
            if (seen.TryGetValue(orgCode, out var firstLine)) { Error(code, $"код «{orgCode}» уже встречался в строке {firstLine}"); continue; }
            seen[orgCode] = r.RowNumber;
            var orgName = r.Cell(name);
            if (orgName.Length == 0) Error(name, "не указано наименование");
            if (!OrgUnitTypeNames.TryParse(r.Cell(type), out var orgType))
            {
                Error(type, $"неизвестный тип «{r.Cell(type)}»: ожидается country, region, municipality, school или branch");
            }
            if (CellParsing.Flag(r.Cell(branch)) == true) orgType = OrgUnitType.Branch;
            string? innValue = null;
            if (Opt(inn) is { } rawInn)
            {
                if (Domain.Inn.Check(rawInn, out var normalized) is { } reason) Error(inn, reason);
                innValue = normalized;
            }
            var isRural = CellParsing.Flag(r.Cell(rural));
            if (isRural is null) Error(rural, $"значение «{r.Cell(rural)}» не является признаком 1/0 (да/нет)");
            var isActive = active < 0 || r.Cell(active).Length == 0 || CellParsing.Flag(r.Cell(active)) != false;
            rows.Add(new OrgRow(r.RowNumber, orgCode, orgName, orgType, Opt(parent), Opt(shortName), innValue, Opt(kpp), Opt(ogrn),
                Opt(address), isRural ?? false, Opt(email), Opt(phone), Opt(director), Opt(responsible), isActive));
        }
        return new Parsed(rows, issues);
    }

    public static void CheckParents(string file, IReadOnlyList<OrgRow> rows, IReadOnlyDictionary<string, OrgUnit> existing, List<ImportIssue> issues)
    {
        var inFile = rows.ToDictionary(r => r.Code);
        foreach (var row in rows)
        {
            if (row.ParentCode is null)
            {
                if (row.Type is not (OrgUnitType.Country or OrgUnitType.Region))
                {
                    issues.Add(new ImportIssue(IssueSeverity.Error, file, row.Line, "parent_code", "не указан код вышестоящей организации"));
                }
                continue;
            }
            OrgUnitType? parentType = inFile.TryGetValue(row.ParentCode, out var p) ? p.Type
                : existing.TryGetValue(row.ParentCode, out var e) ? e.Type : null;
            if (parentType is null)
            {
                issues.Add(new ImportIssue(IssueSeverity.Error, file, row.Line, "parent_code", $"вышестоящая организация «{row.ParentCode}» не найдена ни в файле, ни в базе"));
            }
            else if (parentType >= row.Type)
            {
                issues.Add(new ImportIssue(IssueSeverity.Error, file, row.Line, "parent_code",
                    $"«{OrgUnitTypeNames.ToRussian(row.Type)}» не может входить в «{OrgUnitTypeNames.ToRussian(parentType.Value)}» «{row.ParentCode}»"));
            }
        }
    }

    /// <summary>Rows grouped by depth so parents are saved before their children (types only go down the hierarchy).</summary>
    public static IEnumerable<IReadOnlyList<OrgRow>> Levels(IReadOnlyList<OrgRow> rows, IReadOnlyDictionary<string, OrgUnit> existing) =>
        rows.GroupBy(r => r.Type).OrderBy(g => g.Key).Select(g => (IReadOnlyList<OrgRow>)g.ToList());
}
