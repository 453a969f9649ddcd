using Mera.Core.Data;

namespace Mera.IntegrationTests.Reliability;

/// <summary>
/// Issue 22 §4: a background job runs on one node at a time — on PostgreSQL a second node is refused the lease while
/// the first holds it, gets it once released, and gets it when the holder's session dies (a killed node).
/// </summary>
public class JobLeaseTests
{
    [Fact]
    public async Task One_node_at_a_time_holds_a_job_on_postgresql()
    {
        await using var db = await TestDatabase.CreateAsync("postgres");
        var nodeA = new MeraDb(db.Db.Settings);
        var nodeB = new MeraDb(db.Db.Settings);
        var first = await JobLease.TryAcquireAsync(nodeA, "ReminderJob");
        Assert.NotNull(first);
        Assert.Null(await JobLease.TryAcquireAsync(nodeB, "ReminderJob"));
        // Another job is another lease.
        await using (var backup = await JobLease.TryAcquireAsync(nodeB, "BackupJob"))
        {
            Assert.NotNull(backup);
        }
        await first!.DisposeAsync();
        var second = await JobLease.TryAcquireAsync(nodeB, "ReminderJob"); // left to die with its session below
        Assert.NotNull(second);

        // The holder's session ends without a word (its node was killed): the lock goes with it.
        await using (var admin = nodeA.OpenConnection())
        await using (var kill = admin.CreateCommand())
        {
            kill.CommandText = "SELECT count(pg_terminate_backend(pid)) FROM pg_locks WHERE locktype = 'advisory' AND pid <> pg_backend_pid() "
                + "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";
            Assert.Equal(1L, Convert.ToInt64(await kill.ExecuteScalarAsync()));
        }
        for (var i = 0; i < 50; i++)
        {
            await using var third = await JobLease.TryAcquireAsync(nodeA, "ReminderJob");
            if (third is not null)
            {
                return;
            }
            await Task.Delay(100);
        }
        Assert.Fail("the lease of a dead session was not released");
    }

    [Fact]
    public async Task Sqlite_is_one_process_and_always_grants_the_lease()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using var a = await JobLease.TryAcquireAsync(db.Db, "ReminderJob");
        await using var b = await JobLease.TryAcquireAsync(db.Db, "ReminderJob");
        Assert.NotNull(a);
        Assert.NotNull(b);
    }
}
