using System.Data.Common;
using Mera.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Mera.Core.Data;

/// <summary>Queries several features share, written once.</summary>
public static class MeraQueries
{
    /// <summary>The schools and branches of an org's subtree (its materialised path is an indexed prefix).</summary>
    public static IQueryable<OrgUnit> ReportingUnitsUnder(this IQueryable<OrgUnit> units, OrgUnit root) =>
        units.Where(o => o.Path.StartsWith(root.Path) && (o.Type == OrgUnitType.School || o.Type == OrgUnitType.Branch));

    /// <summary>The forms schools fill themselves (not imports, not municipal summaries), in catalog order.</summary>
    public static async Task<List<Form>> SchoolFormsAsync(this MeraDbContext db, CancellationToken ct) =>
        (await db.Forms.AsNoTracking().Where(f => f.Supplier == "school").OrderBy(f => f.Id).ToListAsync(ct))
            .Where(f => f.Elements.Count > 0).ToList();

    /// <summary>A hand-written command on the context's connection, opened, and inside its transaction if one is open.</summary>
    public static async Task<DbCommand> RawCommandAsync(this MeraDbContext db, string sql, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        return command;
    }

    /// <summary>One parameter per value (prefix0, prefix1, …), answered as the list to put inside `IN (…)`.</summary>
    public static string WithList(this DbCommand command, string prefix, IEnumerable<object> values) =>
        string.Join(", ", values.Select((value, i) =>
        {
            command.With(prefix + i, value);
            return "@" + prefix + i;
        }));

    /// <summary>A named parameter of a hand-written command, the same on both providers.</summary>
    public static DbCommand With(this DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return command;
    }
}
