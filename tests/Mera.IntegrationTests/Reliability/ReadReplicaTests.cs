using System.Diagnostics;
using Mera.Cli;
using Mera.Core.Data;
using Npgsql;

namespace Mera.IntegrationTests.Reliability;

/// <summary>
/// Issue 22 §3 on a real streaming standby (`pg_basebackup -R`, started by ./test.sh beside a primary of its own): reads
/// go to the standby, a writer's next read to the primary until the standby has replayed the write, a standby behind
/// the limit is passed over — and once the primary is stopped, the CLI's reading commands keep answering from the standby.
/// </summary>
public class ReadReplicaTests
{
    private const string Values = "s1,sferum.teachers.total,2025-W10,20\ns2,sferum.teachers.total,2025-W11,5\n"
        + "s1,contingent.teachers,2025,40\ns2,contingent.teachers,2025,10\ns3,contingent.teachers,2025,50\n";

    [Fact]
    public async Task Reads_are_served_by_the_standby_and_go_on_when_the_primary_stops()
    {
        var (primaryBase, standbyBase, pid) = Pair();
        var primary = await CreateDatabaseAsync(primaryBase, "mera_replicated");
        var standby = new NpgsqlConnectionStringBuilder(standbyBase) { Database = "mera_replicated" }.ConnectionString;
        var clock = TestClock.Create();
        await OkAsync(clock, primary, null, "db", "migrate");
        await OkAsync(clock, primary, null, "orgs", "import", Cli.WriteFile("orgs.csv", District.Registry(3)));
        await OkAsync(clock, primary, null, "import", "values", Cli.WriteFile("values.csv", TestData.ValuesHeader + "\n" + Values));

        var replicas = new ReadReplicas(new MeraDb(DbSettings.Resolve(primary, "postgres", standby)), clock);
        var written = await replicas.PrimaryPositionAsync() ?? throw new InvalidOperationException("no WAL position from the primary");
        await WaitForReplayAsync(replicas, written);
        Assert.Equal(standby, (await replicas.ForReadingAsync()).Settings.ConnectionString.Replace(";Timeout=3", ""));
        // Read-your-writes: a reader whose own write the standby has not replayed yet reads the primary.
        Assert.Equal(primary, (await replicas.ForReadingAsync(written + 1_000_000)).Settings.ConnectionString);
        Assert.Equal(standby, (await replicas.ForReadingAsync(written)).Settings.ConnectionString.Replace(";Timeout=3", ""));

        // A standby behind the limit is passed over: replay paused, a write on the primary, a second and a half later.
        var strict = new ReadReplicas(new MeraDb(DbSettings.Resolve(primary, "postgres", standby) with { ReadMaxLag = TimeSpan.FromSeconds(1) }), clock);
        await ExecuteAsync(standby, "SELECT pg_wal_replay_pause()");
        await OkAsync(clock, primary, null, "import", "values", Cli.WriteFile("more.csv", TestData.ValuesHeader + "\ns3,sferum.teachers.total,2025-W12,9\n"));
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var behind = (await strict.StatusAsync()).Single();
        Assert.True(behind.Reachable && behind.Lag > TimeSpan.FromSeconds(1), $"lag {behind.Lag}");
        Assert.Equal(primary, (await strict.ForReadingAsync()).Settings.ConnectionString);
        await ExecuteAsync(standby, "SELECT pg_wal_replay_resume()");
        await WaitForReplayAsync(replicas, (await replicas.PrimaryPositionAsync())!.Value);

        await TheWebReadsItsOwnWritesAsync(clock, primary, standby, replicas);

        var before = await OkAsync(clock, primary, standby, "indicators", "--org", "m1", "--period", "2025Q1", "--children", "--format", "json");
        StopPrimary(pid);

        // The primary is gone: every reading command still answers, from the standby, with the same numbers.
        var after = await OkAsync(clock, primary, standby, "indicators", "--org", "m1", "--period", "2025Q1", "--children", "--format", "json");
        Assert.Equal(before.Out, after.Out);
        var share = Cli.Row(after, "m1", "sferum.teachers.share");
        Assert.Equal(34, share.GetProperty("numerator").GetDouble());
        Assert.Equal(100, share.GetProperty("denominator").GetDouble());
        Assert.Contains("more.csv", (await OkAsync(clock, primary, standby, "imports", "list", "--format", "json")).Out);
        await OkAsync(clock, primary, standby, "audit", "--org", "r1", "--since", "01.01.2020");
        var report = Path.Combine(Directory.CreateTempSubdirectory("mera-replica-").FullName, "svod.xlsx");
        await OkAsync(clock, primary, standby, "report", "summary", "--org", "m1", "--period", "2025Q1", "--out", report);
        Assert.True(new FileInfo(report).Length > 0);

        // A write has nowhere to go and says so, in Russian, without a stack trace.
        var refused = await RunAsync(clock, primary, standby, "import", "values", Cli.WriteFile("late.csv", TestData.ValuesHeader + "\ns1,contingent.teachers,2025,41\n"));
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("нет связи с сервером базы данных", refused.Error);
        Assert.DoesNotContain("   at ", refused.Error);
    }

    /// <summary>
    /// The web node: pages read from the standby; after a write the writer's pages come from the primary until the standby
    /// has replayed that write; the administrator sees the standby and its lag. Counted by the `mera.db.reads` metric.
    /// </summary>
    private static async Task TheWebReadsItsOwnWritesAsync(Microsoft.Extensions.Time.Testing.FakeTimeProvider clock, string primary, string standby, ReadReplicas replicas)
    {
        var reads = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == Core.Telemetry.Name && instrument.Name == "mera.db.reads")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                reads.AddOrUpdate((string)tag.Value!, value, (_, c) => c + value);
            }
        });
        listener.Start();
        long Count(string target) => reads.GetValueOrDefault(target);

        await OkAsync(clock, primary, null, "users", "add", "--login", "replica-admin", "--role", "admin", "--org", "r1",
            "--name", "Администратор", "--password", "Replica-pass-2026");
        await using var app = Web.MeraApp.WithSettings(TestDatabase.Attach("postgres", primary), new Dictionary<string, string> { ["MERA_DB_READ"] = standby });
        var admin = await app.SignInAsync("replica-admin", "Replica-pass-2026");
        await WaitForReplayAsync(replicas, (await replicas.PrimaryPositionAsync())!.Value);
        await Task.Delay(TimeSpan.FromSeconds(1.1)); // the node's own view of the standby is at most a second old

        var onReplica = Count("replica");
        Assert.Contains("Енисейский район", await admin.GetStringAsync("/dashboard?org=m1&period=2025Q1"));
        Assert.Equal(onReplica + 1, Count("replica"));
        var users = await admin.GetStringAsync("/users");
        Assert.Contains("Копии базы данных для чтения", users);
        Assert.Contains("используется для чтения", users);

        // A write while the standby stands still: the writer's next page is read from the primary.
        await ExecuteAsync(standby, "SELECT pg_wal_replay_pause()");
        var added = await admin.PostAsync("/users?handler=add", await Web.MeraApp.FormAsync(admin, "/users", new()
        {
            ["Login"] = "replica-new", ["FullName"] = "Новый Пользователь", ["Role"] = "municipality", ["OrgCode"] = "m1", ["Password"] = "Replica-pass-2026",
        }));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains(added.Headers.GetValues("Set-Cookie"), c => c.StartsWith(Mera.Web.Infrastructure.ReadRouting.WrittenCookie + "=", StringComparison.Ordinal));
        var onPrimary = Count("primary");
        await admin.GetStringAsync("/dashboard?org=m1&period=2025Q1");
        Assert.Equal(onPrimary + 1, Count("primary"));

        // Once the standby has replayed the write, the writer reads from it again.
        await ExecuteAsync(standby, "SELECT pg_wal_replay_resume()");
        await WaitForReplayAsync(replicas, (await replicas.PrimaryPositionAsync())!.Value);
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        onReplica = Count("replica");
        await admin.GetStringAsync("/dashboard?org=m1&period=2025Q1");
        Assert.Equal(onReplica + 1, Count("replica"));
    }

    private static (string Primary, string Standby, int Pid) Pair()
    {
        var primary = Environment.GetEnvironmentVariable("MERA_TEST_PG_PAIR_PRIMARY");
        var standby = Environment.GetEnvironmentVariable("MERA_TEST_PG_PAIR_STANDBY");
        var pid = Environment.GetEnvironmentVariable("MERA_TEST_PG_PAIR_PRIMARY_PID");
        if (string.IsNullOrEmpty(primary) || string.IsNullOrEmpty(standby) || !int.TryParse(pid, out var id))
        {
            throw new InvalidOperationException("MERA_TEST_PG_PAIR_* are not set: run ./test.sh, which starts a primary with a streaming standby");
        }
        return (primary, standby, id);
    }

    private static async Task<string> CreateDatabaseAsync(string baseConnection, string name)
    {
        await ExecuteAsync(baseConnection, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        await ExecuteAsync(baseConnection, $"CREATE DATABASE {name}");
        return new NpgsqlConnectionStringBuilder(baseConnection) { Database = name }.ConnectionString;
    }

    private static async Task ExecuteAsync(string connection, string sql)
    {
        await using var conn = new NpgsqlConnection(connection);
        await conn.OpenAsync();
        await using var command = new NpgsqlCommand(sql, conn);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task WaitForReplayAsync(ReadReplicas replicas, ulong position)
    {
        for (var i = 0; i < 300; i++)
        {
            if ((await replicas.StatusAsync()).Single() is { Reachable: true } s && s.ReplayLsn >= position)
            {
                return;
            }
            await Task.Delay(100);
        }
        Assert.Fail("the standby did not replay the primary's WAL within 30 s");
    }

    /// <summary>A fast shutdown of the postmaster, as `pg_ctl stop -m fast` does, and wait until it is gone.</summary>
    private static void StopPrimary(int pid)
    {
        using (var kill = Process.Start("kill", ["-INT", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }
        for (var i = 0; i < 300 && Directory.Exists($"/proc/{pid}"); i++)
        {
            Thread.Sleep(100);
        }
        Assert.False(Directory.Exists($"/proc/{pid}"), "the primary did not stop within 30 s");
        NpgsqlConnection.ClearAllPools();
    }

    private static async Task<CliRun> RunAsync(Microsoft.Extensions.Time.Testing.FakeTimeProvider clock, string primary, string? standby, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        string[] db = standby is null ? ["--db", primary, "--provider", "postgres"] : ["--db", primary, "--provider", "postgres", "--db-read", standby];
        var code = await CliApp.RunAsync([.. args, .. db], output, error, clock);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    private static async Task<CliRun> OkAsync(Microsoft.Extensions.Time.Testing.FakeTimeProvider clock, string primary, string? standby, params string[] args)
    {
        var run = await RunAsync(clock, primary, standby, args);
        Assert.True(run.ExitCode == 0, $"{string.Join(' ', args)}: exit {run.ExitCode}: {run.Error}{run.Out}");
        return run;
    }
}
