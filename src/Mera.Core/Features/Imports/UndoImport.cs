using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Indicators;
using Mera.Core.Features.Values;
using Mera.Core.Formatting;
using Mera.Core.Reading;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Mera.Core.Features.Imports;

/// <summary>
/// `./mera imports undo ID`: puts back the values a batch replaced (and removes the ones it added), as a new
/// «undo» batch whose changes are recorded like any other, so the audit trail shows both. Refused when a value was
/// changed again after the batch (its version then moved into the history): undoing would discard that change.
/// </summary>
public static class UndoImport
{
    public sealed record Command(long BatchId, string User);

    public sealed record Result(long UndoBatchId, int Restored, int Removed);

    public static async Task<Result> RunAsync(MeraDb database, Command command, TimeProvider clock, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var batch = await db.ImportBatches.SingleOrDefaultAsync(b => b.Id == command.BatchId, ct)
            ?? throw new NotFoundException($"Загрузка № {command.BatchId} не найдена");
        var name = $"загрузка № {batch.Id} ({batch.FileName})";
        if (batch.UndoneAt is { } at)
        {
            throw Refused(name, $"уже отменена {RussianFormat.Moment(at)} ({batch.UndoneBy})");
        }
        if (batch.UndoOfBatchId is long of)
        {
            throw Refused(name, $"это отмена загрузки № {of}; чтобы вернуть данные, загрузите файл заново");
        }
        // What the batch wrote and what is stored now are read inside the transaction, under a lock that keeps other
        // writers out until the undo commits: a value written in between would otherwise be removed unseen.
        await db.Database.OpenConnectionAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!database.Settings.IsEmbedded)
        {
            await db.Database.ExecuteSqlRawAsync("LOCK TABLE data_values IN SHARE ROW EXCLUSIVE MODE", ct);
        }
        var written = await db.DataValues.AsNoTracking()
            .Where(v => v.ImportBatchId == batch.Id)
            .Select(v => new { v.OrgUnitId, v.ElementId, v.PeriodCode, v.PreviousValue, v.Value })
            .ToListAsync(ct);
        var overwritten = await db.DataValueHistory.CountAsync(h => h.ImportBatchId == batch.Id, ct);
        if (overwritten > 0)
        {
            throw Refused(name, $"после неё изменено значений: {overwritten} (более поздними загрузками или вводом). " +
                "Сначала отмените более поздние загрузки — иначе их данные были бы потеряны");
        }

        var elements = await db.DataElements.AsNoTracking().ToDictionaryAsync(e => e.Id, ct);
        var touched = written.Select(w => new ValueChange(new ValueRecord(w.OrgUnitId, elements[w.ElementId], Period.Parse(w.PeriodCode), w.Value, 0), w.Value)).ToList();
        if (await WriteGate.LockedAsync(db, touched, ct) is { } locked)
        {
            throw Refused(name, locked);
        }
        var restore = written.Where(w => w.PreviousValue is not null)
            .Select(w => new ValueChange(
                new ValueRecord(w.OrgUnitId, elements[w.ElementId], Period.Parse(w.PeriodCode), w.PreviousValue!.Value, 0), w.Value))
            .ToList();
        var now = clock.GetUtcNow();
        var undo = new ImportBatch
        {
            Kind = "undo", FileName = batch.FileName, Sha256 = batch.Sha256, PeriodCode = batch.PeriodCode, OrgCode = batch.OrgCode,
            ImportedBy = command.User, ImportedAt = now, RowsRead = 0, ValuesWritten = written.Count, UndoOfBatchId = batch.Id,
            Issues = $"Отмена загрузки № {batch.Id}: восстановлено значений {restore.Count}, удалено {written.Count - restore.Count}.",
        };
        db.ImportBatches.Add(undo);
        batch.UndoneAt = now;
        batch.UndoneBy = command.User;
        await db.SaveChangesAsync(ct);
        var file = $"отмена загрузки № {batch.Id}: {batch.FileName}";
        var totals = await Indicators.TotalsDelta.BeforeAsync(db,
            written.Select(w => (w.OrgUnitId, w.ElementId, Period.Parse(w.PeriodCode))), ct);
        if (!await ValueWriter.WriteAsync(db.Database.GetDbConnection(), tx.GetDbTransaction(), database.Settings.Provider,
                restore, new ValueProvenance(ValueSource.Import, command.User, undo.Id, file), now, ct))
        {
            throw new InvalidOperationException("values moved under the table lock"); // cannot happen while the lock is held
        }
        // What the batch added had no earlier value: its version moves into the history, followed by its removal.
        await db.Database.ExecuteSqlRawAsync(ValueWriter.ArchiveColumns + " WHERE d.import_batch_id = {0}", [batch.Id], ct);
        var removed = await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO data_value_history (org_unit_id, element_id, period_code, old_value, new_value, source, import_batch_id, source_file, changed_by, changed_at)
            SELECT org_unit_id, element_id, period_code, value, NULL, {0}, {1}, {2}, {3}, {4} FROM data_values WHERE import_batch_id = {5}
            """, [(int)ValueSource.Import, undo.Id, file, command.User, now, batch.Id], ct);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM data_values WHERE import_batch_id = {0}", [batch.Id], ct);
        if (totals is not null)
        {
            await totals.AfterAsync(ct);
        }
        await tx.CommitAsync(ct);
        return new Result(undo.Id, restore.Count, removed);
    }

    private static OperationRefusedException Refused(string name, string reason) =>
        new($"Отменить {name} нельзя: {reason}.");
}
