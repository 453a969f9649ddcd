using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Reading;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Mera.Core.Features.Values;

/// <summary>
/// The one way values are written, shared by the three writers — an import batch (<see cref="Imports.SaveImportBatch"/>),
/// a school's form (<see cref="Submissions.SaveFormValues"/>) and the API (<see cref="SaveValues"/>): check who may write
/// (<see cref="WriteGate"/>) and the consistency rules against stored values, keep only what changes, and write the
/// changes with their history (and, for a file, its batch record) in one transaction. Errors refuse all.
/// Here, not in Data, because the gate and the rules are policy of the features; Data's <see cref="ValueWriter"/> does
/// the storing. The retry on PostgreSQL and the second core for large files live here once for all three.
/// </summary>
public static class ValueWrite
{
    /// <summary>Where values come from. <see cref="Label"/> names it in messages (the file, «форма «…»», «запрос API»).</summary>
    public abstract record Origin(string Label);

    /// <summary>A file: kept as an import batch (undoable), and every value points at it.</summary>
    public sealed record FromFile(string Kind, string FileName, string Sha256, string? PeriodCode, string? OrgCode, int RowsRead,
        int Skipped) : Origin(FileName);

    /// <summary>Typed in by a person (a form, the API): no batch; the values carry the user and the comment.</summary>
    public sealed record ByEntry(string Label, string? Comment) : Origin(Label);

    /// <summary>The label of a write through `/api/v1/datavalues`, also how the telemetry tells it from a form.</summary>
    public const string ApiLabel = "запрос API";

    private static string ChannelTag(Request request) => request.Source == ValueSource.Demo ? "demo"
        : request.Origin is FromFile ? "import" : request.Origin.Label == ApiLabel ? "api" : "form";

    /// <summary>
    /// What a writer read. `ColumnOf` names the file column an element came from (rule messages point at it);
    /// `Notes` are facts the user should see (rows of other municipalities skipped …), kept with the batch.
    /// </summary>
    public sealed record Request(Origin Origin, IReadOnlyList<ValueRecord> Records, IReadOnlyList<ImportIssue> Issues, Writer Writer,
        ValueSource Source, bool DryRun = false)
    {
        public IReadOnlyList<string> Notes { get; init; } = [];
        public Func<string, string?>? ColumnOf { get; init; }
        public string? Sheet { get; init; }

        /// <summary>
        /// A form's rule: values that raise warnings are saved only with a comment explaining them. Without one the
        /// request stops before writing and answers <see cref="Result.Held"/> with the warnings.
        /// </summary>
        public bool HoldWarningsWithoutComment { get; init; }

        /// <summary>
        /// Work that must commit or roll back with the values (a form's submission state): it runs inside the same
        /// transaction, after the values are written, even when no value changed. Throwing rolls everything back.
        /// </summary>
        public Func<MeraDbContext, CancellationToken, Task>? AlsoInTransaction { get; init; }

        public string? Comment => (Origin as ByEntry)?.Comment;
        public int RowsRead => Origin is FromFile file ? file.RowsRead : Records.Count;
        public int Skipped => (Origin as FromFile)?.Skipped ?? 0;
    }

    /// <summary>BatchId is null for a dry run and when nothing changed (a repeated file leaves no trace but its answer).</summary>
    public sealed record Result(long? BatchId, int RowsRead, int ValuesWritten, int Unchanged, int Skipped,
        IReadOnlyList<ImportIssue> Warnings, bool DryRun)
    {
        public IReadOnlyList<string> Notes { get; init; } = [];
        public IReadOnlyList<ValueChange> Changes { get; init; } = [];

        /// <summary>Nothing was written: the values raise warnings and the request has no comment (see the request's rule).</summary>
        public bool Held { get; init; }
    }

    /// <summary>How often a PostgreSQL write whose stored values moved under it is planned again before giving up.</summary>
    private const int MaxAttempts = 5;

    /// <summary>
    /// From this many changes on, the rules are checked on another core while the values are written, and the
    /// transaction commits only once they pass (ADR 0018): at 560 000 values each takes about a second.
    /// </summary>
    private const int CheckAlongsideFrom = 20_000;

    /// <summary>From this many changes on, SQLite's per-row foreign-key checks give way to one check per distinct org and element.</summary>
    private const int CheckReferencesOnceFrom = 5_000;

    /// <summary>What changes, and the rules' verdict: the warnings, or an <see cref="ImportRefusedException"/> when it faults.</summary>
    private sealed record Plan(List<ValueChange> Changes, int Unchanged, Task<List<ImportIssue>> Verdict)
    {
        /// <summary>The warnings of a finished check (every plan whose verdict is read before writing is checked in line).</summary>
        public List<ImportIssue> Warnings => Verdict.IsCompletedSuccessfully ? Verdict.Result
            : throw new InvalidOperationException("the rules are still being checked");
    }

    public static async Task<Result> RunAsync(MeraDb database, Request request, TimeProvider clock, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        await db.Database.OpenConnectionAsync(ct);
        var elements = await ElementRows.ByCodeAsync(db.Database.GetDbConnection(), ct);
        var snapshot = await DataVersion.ReadAsync(db, ct);
        var today = clock.Today();
        var plan = await PlanAsync(db, request, elements, today, ct);
        if (request.DryRun || NothingToWrite(request, plan))
        {
            return Outcome(null, plan, request);
        }
        await using var keys = await SqliteForeignKeys.SuspendAsync(db, plan.Changes.Count >= CheckReferencesOnceFrom, ct);
        for (var attempt = 1; ; attempt++)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var plannedInside = await DataVersion.ReadAsync(db, ct) != snapshot;
            if (plannedInside)
            {
                // SQLite: another writer committed since the values were read. The transaction holds the write lock
                // now, so a second reading is current; the rules are checked again against it.
                plan = await PlanAsync(db, request, elements, today, ct);
                if (NothingToWrite(request, plan))
                {
                    return Outcome(null, plan, request);
                }
            }
            // Inside the transaction: an acceptance committed a moment ago is seen, and nothing is written if refused.
            // A plan made inside this transaction was checked as it was made. On SQLite an unchanged data version
            // proves that nobody committed since the plan's gate read, so its verdict still holds.
            if (!plannedInside && snapshot is null)
            {
                await WriteGate.CheckAsync(db, request, plan.Changes, today, ct);
            }
            var now = clock.GetUtcNow();
            ImportBatch? batch = null;
            if (request.Origin is FromFile file)
            {
                batch = new ImportBatch
                {
                    Kind = file.Kind, FileName = file.FileName, Sha256 = file.Sha256, PeriodCode = file.PeriodCode,
                    OrgCode = file.OrgCode, ImportedBy = request.Writer.Login, ImportedAt = now, RowsRead = file.RowsRead,
                    ValuesWritten = plan.Changes.Count, Unchanged = plan.Unchanged, Skipped = file.Skipped,
                };
                await BatchRow.InsertAsync(db, batch, ct);
            }
            var provenance = batch is null
                ? new ValueProvenance(request.Source, request.Writer.Login, Comment: request.Comment)
                : new ValueProvenance(request.Source, request.Writer.Login, batch.Id, batch.FileName);
            // The fresh totals of the periods these values bear on move with them, in this transaction (ADR 0029).
            var totals = await Indicators.TotalsDelta.BeforeAsync(db,
                plan.Changes.Select(c => (c.Record.OrgId, c.Record.Element.Id, c.Record.Period)), ct);
            if (!await ValueWriter.WriteAsync(db.Database.GetDbConnection(), tx.GetDbTransaction(), database.Settings.Provider,
                    plan.Changes, provenance, now, ct))
            {
                // PostgreSQL: a value changed under the write, so an old value in the history would be wrong.
                await tx.RollbackAsync(ct);
                await plan.Verdict; // a refusal wins over a retry
                db.ChangeTracker.Clear();
                if (attempt == MaxAttempts)
                {
                    throw new OperationRefusedException("Данные изменены другим пользователем во время записи; повторите попытку");
                }
                plan = await PlanAsync(db, request, elements, today, ct);
                if (NothingToWrite(request, plan))
                {
                    return Outcome(null, plan, request);
                }
                continue;
            }
            if (totals is not null)
            {
                await totals.AfterAsync(ct);
            }
            // A refusal (errors found alongside the write) leaves the transaction uncommitted: it rolls back on dispose.
            var warnings = await plan.Verdict;
            if (batch is not null)
            {
                batch.Warnings = warnings.Count;
                batch.Issues = BatchIssues.Serialize(request.Notes, warnings);
                await BatchRow.SetWarningsAsync(db, batch, ct);
            }
            if (request.AlsoInTransaction is { } also)
            {
                await also(db, ct);
            }
            await tx.CommitAsync(ct);
            Telemetry.ValuesWritten.Add(plan.Changes.Count, new KeyValuePair<string, object?>("channel", ChannelTag(request)));
            return Outcome(batch?.Id, plan, request);
        }
    }

    /// <summary>Held for a comment, or nothing changed and nothing else must commit: no transaction, no batch.</summary>
    private static bool NothingToWrite(Request request, Plan plan) =>
        Holds(request, plan) || (plan.Changes.Count == 0 && request.AlsoInTransaction is null);

    private static bool Holds(Request request, Plan plan) =>
        request.HoldWarningsWithoutComment && request.Comment is null && plan.Warnings.Count > 0;

    /// <summary>Only a large write gains from the second core; a dry run, a held form and a file already in error need the verdict first.</summary>
    private static bool CheckAlongside(Request request, int changes) =>
        changes >= CheckAlongsideFrom && !request.DryRun && !request.HoldWarningsWithoutComment
        && !request.Issues.Any(i => i.Severity == IssueSeverity.Error);

    private static Result Outcome(long? batchId, Plan plan, Request request) =>
        new(batchId, request.RowsRead, plan.Changes.Count, plan.Unchanged, request.Skipped, plan.Warnings, request.DryRun)
        {
            Notes = request.Notes, Changes = plan.Changes, Held = Holds(request, plan),
        };

    /// <summary>Keeps only what changes and checks the rules against the stored values; errors refuse the whole request.</summary>
    private static async Task<Plan> PlanAsync(MeraDbContext db, Request request, IReadOnlyDictionary<string, DataElement> elements,
        DateOnly today, CancellationToken ct)
    {
        var stored = await StoredValues.LoadAsync(db, request.Records, ct);
        var changes = new List<ValueChange>();
        var unchanged = 0;
        foreach (var record in request.Records)
        {
            var old = stored.Get(record.OrgId, record.Element.Id, record.Period);
            if (old is double o && Math.Abs(o - record.Value) < 1e-9)
            {
                unchanged++;
            }
            else
            {
                changes.Add(new ValueChange(record, old));
            }
        }
        // Who may write comes before whether the numbers are consistent: a refused writer hears «not yours» (403 or 409),
        // not a rule about numbers it was never allowed to send. (Checked again inside the write's transaction
        // unless SQLite's data version shows that nothing was committed since.)
        await WriteGate.CheckAsync(db, request, changes, today, ct);
        var verdict = CheckAlongside(request, changes.Count)
            ? Task.Run(() => Verdict(request, elements, stored), ct)
            : Task.FromResult(Verdict(request, elements, stored));
        return new Plan(changes, unchanged, verdict);
    }

    /// <summary>The warnings of the request and of the rules; throws the refusal when there is any error.</summary>
    private static List<ImportIssue> Verdict(Request request, IReadOnlyDictionary<string, DataElement> elements, StoredValues stored)
    {
        var issues = request.Issues.ToList();
        CheckRules(request, elements, stored, issues);
        if (issues.Any(i => i.Severity == IssueSeverity.Error))
        {
            throw new ImportRefusedException(issues.OrderBy(i => i.Row ?? 0).ToList());
        }
        return issues.Where(i => i.Severity == IssueSeverity.Warning).ToList();
    }

    private static void CheckRules(Request request, IReadOnlyDictionary<string, DataElement> elements, StoredValues stored, List<ImportIssue> issues)
    {
        var rules = new ValueRules();
        var codeOfId = elements.Values.ToDictionary(e => e.Id, e => e.Code);
        // The file's own values come first: a previous week in the same file is the one to compare with.
        var inFile = request.Records.ToDictionary(r => (r.OrgId, r.Element.Id, r.Period), r => r.Value);
        double? ValueOf(int org, DataElement element, Domain.Period period) =>
            inFile.TryGetValue((org, element.Id, period), out var v) ? v : stored.Get(org, element.Id, period);
        // One dictionary reused for every (org, period): a national file has hundreds of thousands of them.
        var merged = new Dictionary<string, (double Value, int Line)>();
        foreach (var group in request.Records.GroupBy(r => (r.OrgId, r.Period)))
        {
            merged.Clear();
            foreach (var (elementId, value) in stored.ForOrgPeriod(group.Key.OrgId, group.Key.Period))
            {
                merged[codeOfId[elementId]] = (value, 0);
            }
            foreach (var r in group)
            {
                merged[r.Element.Code] = (r.Value, r.Line);
            }
            rules.Check(request.Origin.Label, merged, group.Key.OrgId, group.Key.Period, elements, ValueOf, issues);
        }
        if (request.ColumnOf is not null || request.Sheet is not null)
        {
            for (var i = 0; i < issues.Count; i++)
            {
                var column = issues[i].Column is { } code && request.ColumnOf?.Invoke(code) is { } header ? header : issues[i].Column;
                issues[i] = issues[i] with { Column = column, Sheet = issues[i].Sheet ?? request.Sheet };
            }
        }
    }
}
