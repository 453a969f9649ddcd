using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Reading;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Orgs;

/// <summary>
/// `./mera orgs import FILE`: the org registry (code,name,type,parent_code,inn,kpp,ogrn,address,is_rural,is_branch,email).
/// Rows may come in any order; parents are resolved within the file and the database. All-or-nothing, idempotent.
/// </summary>
public static class ImportOrgs
{
    public sealed record Command(string FilePath, bool DryRun = false, string? DisplayName = null);

    public sealed record Result(int RowsRead, int Added, int Updated, int Unchanged, IReadOnlyList<ImportIssue> Warnings);

    public static async Task<Result> RunAsync(MeraDb database, Command command, CancellationToken ct = default)
    {
        var table = TableReader.OpenWithColumns(command.FilePath, [OrgRegistryColumns.Code, OrgRegistryColumns.Name, OrgRegistryColumns.Type], command.DisplayName);
        var parsed = OrgRegistryParser.Parse(table);
        await using var db = database.CreateContext();
        var existing = await db.OrgUnits.ToDictionaryAsync(o => o.Code, ct);
        var issues = parsed.Issues.ToList();
        OrgRegistryParser.CheckParents(table.FileName, parsed.Rows, existing, issues);
        if (issues.Any(i => i.Severity == IssueSeverity.Error))
        {
            throw new ImportRefusedException(issues);
        }

        int added = 0, updated = 0, unchanged = 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Level by level (parents before children), one save per level: a new unit needs its parent's id for its path.
        foreach (var level in OrgRegistryParser.Levels(parsed.Rows, existing))
        {
            foreach (var row in level)
            {
                var isNew = !existing.TryGetValue(row.Code, out var org);
                if (org is null)
                {
                    org = new OrgUnit { Code = row.Code, Name = row.Name };
                    db.OrgUnits.Add(org);
                    existing[row.Code] = org;
                }
                var changed = row.ApplyTo(org, row.ParentCode is null ? null : existing[row.ParentCode]);
                if (isNew) added++;
                else if (changed) updated++;
                else unchanged++;
            }
            await db.SaveChangesAsync(ct);
        }
        OrgPaths.Recompute(existing.Values);
        await db.SaveChangesAsync(ct);
        if (command.DryRun)
        {
            await tx.RollbackAsync(ct);
        }
        else
        {
            await tx.CommitAsync(ct);
        }
        return new Result(parsed.Rows.Count, added, updated, unchanged, issues);
    }
}
