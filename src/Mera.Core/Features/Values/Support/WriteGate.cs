using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Reading;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Values;

/// <summary>
/// The one rule of who may write which value, checked by every write path — form saves, templates (one, many, a ZIP),
/// the API, imports, the CLI — inside the write's own transaction, on the values that would change:
/// <list type="bullet">
/// <item>the period lies in the catalog's range (from <see cref="MinYear"/>) and is not beyond the current period of its
/// type — yearly values may run <see cref="YearsAhead"/> year(s) ahead, for plans;</item>
/// <item>an element supplied by schools is written by the school itself or by an organisation above it; an element of a
/// platform (supplied by the municipality) only by an import of the municipality (or above) — never typed in;</item>
/// <item>the elements of an accepted submission are locked for everyone, for that organisation (and, when a
/// municipality's submission to the region is accepted, for its schools) and period, until the receiver reopens it.</item>
/// </list>
/// Unchanged values are never refused: importing the same file into an accepted period again changes nothing.
/// </summary>
public static class WriteGate
{
    public const int MinYear = 2000;

    /// <summary>How far ahead yearly values (plans) may be written: MERA_PLAN_YEARS_AHEAD, 1 by default.</summary>
    public static int YearsAhead { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("MERA_PLAN_YEARS_AHEAD"), out var years) && years is >= 0 and <= 10 ? years : 1;

    /// <summary>At most this many refused values are listed one by one; the rest are counted.</summary>
    private const int Listed = 50;

    public static async Task CheckAsync(MeraDbContext db, ValueWrite.Request request, IReadOnlyList<ValueChange> changes,
        DateOnly today, CancellationToken ct)
    {
        var writer = request.Writer;
        if (writer.Channel == WriteChannel.Demo || changes.Count == 0)
        {
            return;
        }
        var refusals = new List<(ValueRecord Record, string Reason)>();
        var rangeProblems = RecordPeriods.Of(changes.Select(c => c.Record)).ToDictionary(p => p, p => PeriodProblem(p, today));
        if (rangeProblems.Values.Any(problem => problem is not null))
        {
            refusals.AddRange(changes.Where(c => rangeProblems[c.Record.Period] is not null)
                .Select(c => (c.Record, rangeProblems[c.Record.Period]!)));
        }
        // The operator's national import into periods nobody has accepted needs neither the org paths nor a pass per value.
        var locks = await AcceptedLocks.LoadAsync(db, changes, rangeProblems.Keys, ct);
        var paths = writer.IsOperator && locks.IsEmpty ? null : await OrgPathsAsync(db, changes, ct);
        if (!writer.IsOperator)
        {
            refusals.AddRange(changes.Select(c => (c.Record, Reason: SupplierProblem(writer, c.Record, paths![c.Record.OrgId])))
                .Where(x => x.Reason is not null)!);
        }
        var locked = locks.IsEmpty ? []
            : changes.Select(c => (c.Record, Reason: locks.Reason(c.Record, paths![c.Record.OrgId]))).Where(x => x.Reason is not null).ToList();
        refusals.AddRange(locked!);
        if (refusals.Count == 0)
        {
            return;
        }
        var issues = refusals.DistinctBy(r => r.Record.Key).OrderBy(r => r.Record.Line).Take(Listed)
            .Select(r => new ImportIssue(IssueSeverity.Error, request.Origin.Label, r.Record.Line,
                request.ColumnOf?.Invoke(r.Record.Element.Code) ?? r.Record.Element.Code, r.Reason)).ToList();
        var total = refusals.DistinctBy(r => r.Record.Key).Count();
        if (total > Listed)
        {
            issues.Add(new ImportIssue(IssueSeverity.Error, request.Origin.Label, null, null, $"и ещё {total - Listed} значений отклонено по тем же причинам"));
        }
        throw new WriteRefusedException(issues, locked: locked.Count > 0 && locked.Count == refusals.Count);
    }

    /// <summary>
    /// For writes that restore rather than send values (undoing an import): the first reason one of them is locked by an
    /// acceptance, or null. Undo is bound by acceptance like every write; periods and suppliers were checked when written.
    /// </summary>
    public static async Task<string?> LockedAsync(MeraDbContext db, IReadOnlyList<ValueChange> changes, CancellationToken ct)
    {
        if (changes.Count == 0)
        {
            return null;
        }
        var locks = await AcceptedLocks.LoadAsync(db, changes, RecordPeriods.Of(changes.Select(c => c.Record)), ct);
        if (locks.IsEmpty)
        {
            return null;
        }
        var paths = await OrgPathsAsync(db, changes, ct);
        return changes.Select(c => locks.Reason(c.Record, paths[c.Record.OrgId])).FirstOrDefault(r => r is not null);
    }

    /// <summary>Why a period cannot hold values today, or null.</summary>
    public static string? PeriodProblem(Period period, DateOnly today)
    {
        if (period.Start.Year < MinYear)
        {
            return $"период {period.DisplayRu} раньше {MinYear} года: данных за него в Mera нет";
        }
        var current = Period.Containing(today, period.Type);
        var last = period.Type == PeriodType.Year ? Period.OfYear(current.Start.Year + YearsAhead) : current;
        return period.Start > last.Start
            ? $"период {period.DisplayRu} ещё не наступил: данные вносятся не позже чем за {last.DisplayRu}"
            : null;
    }

    private static string? SupplierProblem(Writer writer, ValueRecord record, string orgPath)
    {
        var element = record.Element;
        if (!orgPath.StartsWith(writer.OrgPath!, StringComparison.Ordinal) || !Roles.EntersData(writer.Role!))
        {
            return "организация недоступна для ввода";
        }
        if (element.Supplier == "municipality" && (writer.Channel != WriteChannel.Import || writer.Role == Roles.School))
        {
            return $"«{element.Name}» загружает отдел образования из выгрузки платформы ({element.Source}); вручную это значение не вводится";
        }
        return null;
    }

    private static async Task<Dictionary<int, string>> OrgPathsAsync(MeraDbContext db, IReadOnlyList<ValueChange> changes, CancellationToken ct)
    {
        var ids = changes.Select(c => c.Record.OrgId).Distinct().ToList();
        // A national file names tens of thousands of schools: the whole registry is one cheap read, a list of ids is not.
        var query = ids.Count > 500 ? db.OrgUnits.AsNoTracking() : db.OrgUnits.AsNoTracking().Where(o => ids.Contains(o.Id));
        return (await query.Select(o => new { o.Id, o.Path }).ToListAsync(ct)).ToDictionary(o => o.Id, o => o.Path);
    }
}

/// <summary>The channel a value arrives through: typed in (form, template, API), an import of a file, or the demo.</summary>
public enum WriteChannel { Entry, Import, Demo }

/// <summary>
/// Who writes: a signed-in user (role and org subtree) through a channel, or the machine's operator — the CLI run on
/// the server, trusted with any org and element, but bound like everyone by periods and accepted data.
/// </summary>
public sealed record Writer(string Login, WriteChannel Channel, string? Role = null, string? OrgPath = null)
{
    public bool IsOperator => Role is null;

    public static Writer Operator(string login, WriteChannel channel = WriteChannel.Import) => new(login, channel);

    public static Writer For(Access.AccessScope scope, WriteChannel channel) => new(scope.Login, channel, scope.Role, scope.OrgPath);
}

/// <summary>Refused by <see cref="WriteGate"/>: not this writer's to change (403), or locked by an acceptance (409).</summary>
public sealed class WriteRefusedException(IReadOnlyList<ImportIssue> issues, bool locked) : ImportRefusedException(issues)
{
    public bool Locked { get; } = locked;
}
