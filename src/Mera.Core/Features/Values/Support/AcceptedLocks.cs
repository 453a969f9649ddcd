using Mera.Core.Data;
using Mera.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Values;

/// <summary>
/// The values that accepted submissions lock: the form's elements for the submitting organisation and the period —
/// and, for a municipality's submission to the region, the same for every school under it.
/// </summary>
internal sealed class AcceptedLocks
{
    private readonly Dictionary<(int OrgId, string Period), List<(Form Form, DateTimeOffset? At, bool Own)>> _locks;

    private AcceptedLocks(Dictionary<(int, string), List<(Form, DateTimeOffset?, bool)>> locks) => _locks = locks;

    public bool IsEmpty => _locks.Count == 0;

    /// <summary>The locks on the changes, whose distinct periods the caller has at hand (<see cref="RecordPeriods"/>).</summary>
    public static async Task<AcceptedLocks> LoadAsync(MeraDbContext db, IReadOnlyList<ValueChange> changes, IEnumerable<Period> changedPeriods,
        CancellationToken ct)
    {
        var locks = new Dictionary<(int, string), List<(Form, DateTimeOffset?, bool)>>();
        var periods = changedPeriods.Select(p => p.Code).ToList();
        if (!await AnyAcceptedAsync(db, periods, ct))
        {
            return new AcceptedLocks(locks);
        }
        var elements = changes.Select(c => c.Record.Element.Code).ToHashSet();
        var forms = (await db.Forms.AsNoTracking().ToListAsync(ct)).Where(f => f.Elements.Any(elements.Contains)).ToDictionary(f => f.Code);
        if (forms.Count == 0)
        {
            return new AcceptedLocks(locks);
        }
        var formCodes = forms.Keys.ToList();
        var query = db.Submissions.AsNoTracking().Where(s => s.State == SubmissionState.Accepted && formCodes.Contains(s.FormCode));
        // Years of weekly periods would make a parameter list longer than SQLite takes; the filter then runs here.
        query = periods.Count <= 500 ? query.Where(s => periods.Contains(s.PeriodCode)) : query;
        var wanted = periods.ToHashSet();
        foreach (var s in await query.Select(s => new { s.OrgUnitId, s.FormCode, s.PeriodCode, s.DecidedAt }).ToListAsync(ct))
        {
            if (!wanted.Contains(s.PeriodCode))
            {
                continue;
            }
            var form = forms[s.FormCode];
            if (!locks.TryGetValue((s.OrgUnitId, s.PeriodCode), out var list))
            {
                locks[(s.OrgUnitId, s.PeriodCode)] = list = [];
            }
            list.Add((form, s.DecidedAt, form.Supplier == "school"));
        }
        return new AcceptedLocks(locks);
    }

    /// <summary>
    /// Whether any submission of these periods is accepted: one indexed probe in plain SQL. Most writes — and every
    /// import into a period still being collected — stop here, without compiling the forms' and submissions' queries
    /// (a sixth of a second in a one-shot CLI import).
    /// </summary>
    private static async Task<bool> AnyAcceptedAsync(MeraDbContext db, IReadOnlyList<string> periods, CancellationToken ct)
    {
        await using var command = await db.RawCommandAsync("", ct);
        command.With("accepted", (int)SubmissionState.Accepted);
        // Years of weekly periods would make a parameter list longer than SQLite takes: then any accepted period counts.
        command.CommandText = "SELECT 1 FROM submissions WHERE state = @accepted"
            + (periods.Count <= 500 ? $" AND period_code IN ({command.WithList("p", periods)})" : "") + " LIMIT 1";
        return await command.ExecuteScalarAsync(ct) is not null;
    }

    /// <summary>Why the value is locked, in Russian, or null. The org's path names it and every unit above it.</summary>
    public string? Reason(ValueRecord record, string orgPath)
    {
        if (_locks.Count == 0)
        {
            return null;
        }
        foreach (var segment in orgPath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(segment, out var orgId) || !_locks.TryGetValue((orgId, record.Period.Code), out var list))
            {
                continue;
            }
            foreach (var (form, at, own) in list)
            {
                if (!form.Elements.Contains(record.Element.Code))
                {
                    continue;
                }
                var when = at is { } decided ? $" {Clock.LocalDate(decided):dd.MM.yyyy}" : "";
                return own
                    ? $"данные приняты: форма «{form.Name}» за {record.Period.DisplayRu} принята{when}; изменить их можно после возврата формы на доработку"
                    : $"данные приняты регионом: «{form.Name}» за {record.Period.DisplayRu} принята{when}; изменить их можно, когда регион вернёт отчёт";
            }
        }
        return null;
    }
}
