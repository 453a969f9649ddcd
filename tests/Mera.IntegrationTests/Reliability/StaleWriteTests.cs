using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Values;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Mera.IntegrationTests.Reliability;

/// <summary>
/// ADR 0016 at its two guards: a write whose "old value" is no longer the stored one is refused (PostgreSQL), and
/// SQLite's data_version tells a reader that another connection committed (SQLite).
/// </summary>
public class StaleWriteTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(300)]
    public async Task On_postgresql_a_write_planned_against_a_value_that_moved_changes_nothing(int values)
    {
        if (string.IsNullOrEmpty(TestDatabase.PostgresBase))
        {
            return; // runs under ./test.sh, which provides the server
        }
        await using var db = await TestDatabase.CreateAsync("postgres");
        await District.SetUpAsync(db, 1);
        await District.ImportValuesAsync(db, "s1,contingent.students,2024,120\n");
        await using var context = db.Db.CreateContext();
        var school = await context.OrgUnits.SingleAsync(o => o.Code == "s1");
        var element = await context.DataElements.SingleAsync(e => e.Code == "contingent.students");
        var weekly = await context.DataElements.SingleAsync(e => e.Code == "sferum.students.total");
        // The first change replaces 100, but 120 is stored (another user wrote it); the rest are new weeks (more than 200 take the bulk path).
        var changes = new List<ValueChange> { new(new ValueRecord(school.Id, element, Period.Parse("2024"), 130, 1), 100) };
        changes.AddRange(Enumerable.Range(0, values - 1).Select(i =>
            new ValueChange(new ValueRecord(school.Id, weekly, Period.Parse($"{2025 + i / 52}-W{i % 52 + 1:D2}"), 5, 2), null)));

        await context.Database.OpenConnectionAsync();
        await using (var tx = await context.Database.BeginTransactionAsync())
        {
            var written = await ValueWriter.WriteAsync(context.Database.GetDbConnection(), tx.GetDbTransaction(), DbProvider.Postgres,
                changes, new ValueProvenance(ValueSource.Import, "test"), TestClock.Start, default);
            Assert.False(written);
            await tx.RollbackAsync();
        }
        Assert.Equal(120, (await context.DataValues.SingleAsync(v => v.ElementId == element.Id)).Value);
        Assert.Equal(1, await context.DataValues.CountAsync());
        Assert.Equal(0, await context.DataValueHistory.CountAsync()); // the refused write moved no version into the history
    }

    [Fact]
    public async Task On_postgresql_new_values_copied_in_bulk_are_stored_exactly_and_a_key_written_meanwhile_changes_nothing()
    {
        if (string.IsNullOrEmpty(TestDatabase.PostgresBase))
        {
            return; // runs under ./test.sh, which provides the server
        }
        await using var db = await TestDatabase.CreateAsync("postgres");
        await District.SetUpAsync(db, 1);
        await using var context = db.Db.CreateContext();
        var school = await context.OrgUnits.SingleAsync(o => o.Code == "s1");
        var weekly = await context.DataElements.SingleAsync(e => e.Code == "sferum.students.total");
        // More than 200 new values take the COPY path; one week is stored meanwhile by another writer.
        var changes = Enumerable.Range(0, 300).Select(i =>
            new ValueChange(new ValueRecord(school.Id, weekly, Period.Parse($"{2020 + i / 52}-W{i % 52 + 1:D2}"), i + 0.25, i + 2), null)).ToList();
        var at = new DateTimeOffset(2026, 3, 2, 9, 30, 15, 123, TimeSpan.FromHours(5));
        // A comment longer than the encoder's 64 KiB buffer is repeated on every row.
        var comment = new string('к', 40_000);
        var provenance = new ValueProvenance(ValueSource.Import, "оператор", 77, "файл «март».csv", comment);
        async Task<bool> WriteAsync()
        {
            await using var tx = await context.Database.BeginTransactionAsync();
            var written = await ValueWriter.WriteAsync(context.Database.GetDbConnection(), tx.GetDbTransaction(), DbProvider.Postgres,
                changes, provenance, at, default);
            if (written)
            {
                await tx.CommitAsync();
            }
            return written;
        }
        await District.ImportValuesAsync(db, "s1,sferum.students.total,2022-W10,5\n");

        Assert.False(await WriteAsync());
        Assert.Equal(1, await context.DataValues.CountAsync());

        await context.Database.ExecuteSqlRawAsync("DELETE FROM data_values");
        Assert.True(await WriteAsync());
        var stored = await context.DataValues.AsNoTracking().OrderBy(v => v.PeriodAnchor).ToListAsync();
        Assert.Equal(300, stored.Count);
        var first = stored[0];
        Assert.Equal(("2020-W01", PeriodType.Week, Period.Parse("2020-W01").Anchor, 0.25), (first.PeriodCode, first.PeriodType, first.PeriodAnchor, first.Value));
        Assert.All(stored, v => Assert.Equal((ValueSource.Import, 77L, "файл «март».csv", "оператор", at, comment, (double?)null),
            (v.Source, v.ImportBatchId!.Value, v.SourceFile, v.ChangedBy, v.ChangedAt, v.Comment, v.PreviousValue)));
        Assert.Equal(changes.Sum(c => c.Record.Value), stored.Sum(v => v.Value), 6);
    }

    [Fact]
    public async Task On_sqlite_data_version_moves_only_when_another_connection_commits()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await District.SetUpAsync(db, 1);
        await using var reader = db.Db.CreateContext();
        await reader.Database.OpenConnectionAsync();
        var before = await DataVersion.ReadAsync(reader, default);
        await reader.Database.ExecuteSqlRawAsync("UPDATE org_units SET name = name || '' WHERE 0 = 1");
        Assert.Equal(before, await DataVersion.ReadAsync(reader, default));

        await District.ImportValuesAsync(db, "s1,contingent.students,2024,120\n"); // another process, another connection
        Assert.NotEqual(before, await DataVersion.ReadAsync(reader, default));
    }

    [Fact]
    public async Task On_sqlite_a_large_write_checks_each_org_once_and_gives_the_connection_its_foreign_keys_back()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await District.SetUpAsync(db, 1);
        await using var context = db.Db.CreateContext();
        var school = await context.OrgUnits.SingleAsync(o => o.Code == "s1");
        var element = await context.DataElements.SingleAsync(e => e.Code == "contingent.students");
        var missingElement = new DataElement { Id = element.Id + 1000, Code = "missing", Name = "missing" };
        ValueChange[] Change(int orgId, DataElement? e = null) => [new(new ValueRecord(orgId, e ?? element, Period.Parse("2024"), 130, 1), null)];
        async Task WriteAsync(ValueChange[] changes)
        {
            await using var tx = await context.Database.BeginTransactionAsync();
            await ValueWriter.WriteAsync(context.Database.GetDbConnection(), tx.GetDbTransaction(), DbProvider.Sqlite,
                changes, new ValueProvenance(ValueSource.Import, "test"), TestClock.Start, default);
            await tx.CommitAsync();
        }
        await context.Database.OpenConnectionAsync();

        await using (await SqliteForeignKeys.SuspendAsync(context, when: true, default))
        {
            var refused = await Assert.ThrowsAsync<OperationRefusedException>(() => WriteAsync(Change(school.Id + 100_000)));
            Assert.Contains("удалены из справочника", refused.Message);
            await Assert.ThrowsAsync<OperationRefusedException>(() => WriteAsync(Change(school.Id, missingElement)));
        }
        Assert.Equal(0, await context.DataValues.CountAsync());
        // Back on: SQLite checks the row itself again.
        var checkedBySqlite = await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => WriteAsync(Change(school.Id + 100_000)));
        Assert.Contains("FOREIGN KEY", checkedBySqlite.Message);
        await WriteAsync(Change(school.Id));
        Assert.Equal(1, await context.DataValues.CountAsync());
    }
}
