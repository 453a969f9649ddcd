using System.Globalization;
using Npgsql;

namespace Mera.Core.Data;

/// <summary>
/// Where a read goes (issue 22 §3, ADR 0027): dashboards, reports, exports, API GETs and the CLI's reading commands
/// are served by a PostgreSQL streaming standby listed in `MERA_DB_READ`, writes by the primary. A standby is used only
/// while it answers, is no further behind than `MERA_DB_READ_MAX_LAG` seconds (30 by default) and — for a writer's next
/// page — has replayed the primary's WAL up to that writer's last write. Otherwise the read goes to the primary.
/// A standby's state is probed at most once a second and shared by every request of the process.
/// </summary>
public sealed class ReadReplicas
{
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(1);

    private readonly MeraDb _primary;
    private readonly Replica[] _replicas;
    private readonly TimeProvider _clock;
    private int _turn;

    public ReadReplicas(MeraDb primary, TimeProvider clock)
    {
        _primary = primary;
        _clock = clock;
        MaxLag = primary.Settings.ReadMaxLag;
        _replicas = primary.Settings.ReadReplicas
            .Select(c => new Replica(new MeraDb(new DbSettings(DbProvider.Postgres, ProbeFriendly(c)))))
            .ToArray();
    }

    public TimeSpan MaxLag { get; }

    public bool Any => _replicas.Length > 0;

    public MeraDb Primary => _primary;

    /// <summary>What a read is served by: a usable standby (in turn, when there are several) or the primary.</summary>
    /// <param name="writtenLsn">The primary's WAL position after the reader's own last write, if it wrote lately.</param>
    public async Task<MeraDb> ForReadingAsync(ulong? writtenLsn = null, CancellationToken ct = default)
    {
        if (_replicas.Length == 0)
        {
            return _primary;
        }
        var start = Interlocked.Increment(ref _turn);
        for (var i = 0; i < _replicas.Length; i++)
        {
            var replica = _replicas[(int)((uint)(start + i) % _replicas.Length)];
            var state = await replica.StateAsync(_clock, ct);
            if (state.Usable(MaxLag) && (writtenLsn is null || state.ReplayLsn >= writtenLsn))
            {
                Telemetry.Reads.Add(1, new KeyValuePair<string, object?>("target", "replica"));
                return replica.Database;
            }
        }
        Telemetry.Reads.Add(1, new KeyValuePair<string, object?>("target", "primary"));
        return _primary;
    }

    /// <summary>Every standby's state, probed now: for the administrator's page and the metrics.</summary>
    public async Task<IReadOnlyList<ReplicaState>> StatusAsync(CancellationToken ct = default)
    {
        var states = new List<ReplicaState>(_replicas.Length);
        foreach (var replica in _replicas)
        {
            states.Add(await replica.StateAsync(_clock, ct, force: true));
        }
        return states;
    }

    /// <summary>The primary's WAL position now — taken after a write, it is what a standby must have replayed to show it.</summary>
    public async Task<ulong?> PrimaryPositionAsync(CancellationToken ct = default)
    {
        if (_replicas.Length == 0)
        {
            return null;
        }
        try
        {
            await using var connection = (NpgsqlConnection)_primary.OpenConnection();
            await using var command = new NpgsqlCommand("SELECT (pg_current_wal_lsn() - '0/0'::pg_lsn)::bigint", connection);
            return (ulong)(long)(await command.ExecuteScalarAsync(ct))!;
        }
        catch (NpgsqlException)
        {
            return null;
        }
    }

    /// <summary>A standby that does not answer must not hold a page for the default 15 s.</summary>
    private static string ProbeFriendly(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Timeout", StringComparison.OrdinalIgnoreCase))
        {
            builder.Timeout = 3;
        }
        return builder.ConnectionString;
    }

    private sealed class Replica(MeraDb database)
    {
        private readonly SemaphoreSlim _probing = new(1, 1);
        private ReplicaState? _state;
        private long _probedAt;

        public MeraDb Database { get; } = database;

        public async Task<ReplicaState> StateAsync(TimeProvider clock, CancellationToken ct, bool force = false)
        {
            var known = _state;
            // Real elapsed time, not the injected clock: a test's fixed clock must not freeze the standby's state.
            if (!force && known is not null && System.Diagnostics.Stopwatch.GetElapsedTime(_probedAt) < ProbeInterval)
            {
                return known;
            }
            // One probe at a time; the others go on with the last known state rather than queue behind a slow standby.
            if (known is not null && !force && !await _probing.WaitAsync(0, ct))
            {
                return known;
            }
            if (known is null || force)
            {
                await _probing.WaitAsync(ct);
            }
            try
            {
                _state = await ProbeAsync(clock, ct);
                _probedAt = System.Diagnostics.Stopwatch.GetTimestamp();
                return _state;
            }
            finally
            {
                _probing.Release();
            }
        }

        private async Task<ReplicaState> ProbeAsync(TimeProvider clock, CancellationToken ct)
        {
            var name = Describe(Database.Settings.ConnectionString);
            try
            {
                await using var connection = (NpgsqlConnection)Database.OpenConnection();
                // Lag is zero when everything received is replayed (an idle primary, or one that has stopped: its last
                // transaction may be hours old, yet the standby is not behind); otherwise the age of the last replayed one.
                await using var command = new NpgsqlCommand("""
                    SELECT pg_is_in_recovery(),
                      CASE WHEN NOT pg_is_in_recovery() OR pg_last_wal_receive_lsn() IS NULL
                             OR pg_last_wal_receive_lsn() <= pg_last_wal_replay_lsn() THEN 0
                           ELSE coalesce(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 0) END::float8,
                      (CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() ELSE pg_current_wal_lsn() END - '0/0'::pg_lsn)::bigint
                    """, connection);
                await using var reader = await command.ExecuteReaderAsync(ct);
                await reader.ReadAsync(ct);
                return new ReplicaState(name, true, reader.GetBoolean(0), TimeSpan.FromSeconds(Math.Max(0, reader.GetDouble(1))),
                    (ulong)reader.GetInt64(2), null, clock.GetUtcNow());
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                return new ReplicaState(name, false, false, null, 0, ex.Message, clock.GetUtcNow());
            }
        }
    }

    /// <summary>host:port of a connection string, without credentials.</summary>
    public static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return string.Create(CultureInfo.InvariantCulture, $"{builder.Host}:{builder.Port}");
    }
}

/// <summary>A standby as last probed: whether it answered, whether it is still a standby, how far behind it is.</summary>
public sealed record ReplicaState(string Name, bool Reachable, bool InRecovery, TimeSpan? Lag, ulong ReplayLsn, string? Error, DateTimeOffset CheckedAt)
{
    public bool Usable(TimeSpan maxLag) => Reachable && Lag is { } lag && lag <= maxLag;
}
