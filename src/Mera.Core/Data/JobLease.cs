using System.Data.Common;

namespace Mera.Core.Data;

/// <summary>
/// One runner of a background job at a time across web nodes (issue 22 §4): on PostgreSQL a session advisory lock,
/// held on its own connection for as long as the lease lives and released when it is disposed — or by the server when
/// the node dies, so a killed node never blocks the job. SQLite is served by one process, which holds every lease.
/// The jobs stay idempotent besides: the lease saves work and duplicate log lines, it is not what keeps mail single.
/// </summary>
public sealed class JobLease : IAsyncDisposable
{
    private readonly DbConnection? _connection;
    private readonly long _key;

    private JobLease(DbConnection? connection, long key) => (_connection, _key) = (connection, key);

    /// <summary>The lease, or null when another node holds it now.</summary>
    public static async Task<JobLease?> TryAcquireAsync(MeraDb database, string job, CancellationToken ct = default)
    {
        var key = Key(job);
        if (database.Settings.Provider != DbProvider.Postgres)
        {
            return new JobLease(null, key);
        }
        var connection = database.OpenConnection();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT pg_try_advisory_lock(@key)";
            var parameter = command.CreateParameter();
            (parameter.ParameterName, parameter.Value) = ("key", key);
            command.Parameters.Add(parameter);
            if (await command.ExecuteScalarAsync(ct) is true)
            {
                return new JobLease(connection, key);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        await connection.DisposeAsync();
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is null)
        {
            return;
        }
        try
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = $"SELECT pg_advisory_unlock({_key})";
            await command.ExecuteScalarAsync();
        }
        finally
        {
            // Closing the session releases the lock too, should the unlock itself fail.
            await _connection.DisposeAsync();
        }
    }

    /// <summary>A stable 64-bit key per job name: «MERA» in the high half, the name's FNV-1a hash in the low.</summary>
    private static long Key(string job)
    {
        var hash = 2166136261u;
        foreach (var c in job)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (0x4D455241L << 32) | hash;
    }
}
