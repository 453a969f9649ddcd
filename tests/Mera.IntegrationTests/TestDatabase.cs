using Mera.Core.Data;
using Npgsql;

namespace Mera.IntegrationTests;

/// <summary>
/// A fresh, empty database per test: a temporary SQLite file, or a new database on the throw-away PostgreSQL
/// cluster that ./test.sh starts (its connection string comes in MERA_TEST_PG).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public static readonly string? PostgresBase = Environment.GetEnvironmentVariable("MERA_TEST_PG");

    public static TheoryData<string> Providers
    {
        get
        {
            var data = new TheoryData<string> { "sqlite" };
            if (!string.IsNullOrEmpty(PostgresBase) || Environment.GetEnvironmentVariable("MERA_REQUIRE_PG") == "1")
            {
                data.Add("postgres");
            }
            return data;
        }
    }

    private readonly string? _sqliteDir;
    private readonly string? _pgName;

    /// <summary>The clock of everything that touches this database in the test: CLI runs, the web app, use cases.</summary>
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock { get; } = TestClock.Create();

    public string ConnectionString { get; }
    public string Provider { get; }
    public MeraDb Db => new(DbSettings.Resolve(ConnectionString, Provider));

    private TestDatabase(string provider, string connection, string? sqliteDir, string? pgName)
    {
        Provider = provider;
        ConnectionString = connection;
        _sqliteDir = sqliteDir;
        _pgName = pgName;
    }

    public static async Task<TestDatabase> CreateAsync(string provider)
    {
        if (provider == "sqlite")
        {
            var dir = Directory.CreateTempSubdirectory("mera-test-").FullName;
            return new TestDatabase(provider, Path.Combine(dir, "mera.db"), dir, null);
        }
        var baseCs = PostgresBase ?? throw new InvalidOperationException("MERA_TEST_PG is not set: run the tests with ./test.sh");
        var name = "mera_t_" + Guid.NewGuid().ToString("N")[..12];
        await using (var conn = new NpgsqlConnection(baseCs))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(baseCs) { Database = name }.ConnectionString;
        return new TestDatabase(provider, cs, null, name);
    }

    /// <summary>A database made elsewhere (a primary with a standby), used as it is and left in place.</summary>
    public static TestDatabase Attach(string provider, string connection) => new(provider, connection, null, null);

    public async ValueTask DisposeAsync()
    {
        if (_sqliteDir is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(_sqliteDir, recursive: true); } catch (IOException) { }
        }
        if (_pgName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(PostgresBase);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_pgName} WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}
