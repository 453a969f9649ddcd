namespace Mera.Core.Data;

public enum DbProvider { Sqlite, Postgres }

/// <summary>Where the database is: `MERA_DB` / `MERA_DB_PROVIDER` or `--db` / `--provider`; `Host=` means PostgreSQL.
/// Standbys for reads: `MERA_DB_READ` or `--db-read`.</summary>
public sealed record DbSettings(DbProvider Provider, string ConnectionString)
{
    public const string DefaultSqlitePath = "data/mera.db";

    public static DbSettings Resolve(string? db = null, string? provider = null, string? read = null)
    {
        db = Blank(db) ?? Blank(Environment.GetEnvironmentVariable("MERA_DB"));
        provider = Blank(provider) ?? Blank(Environment.GetEnvironmentVariable("MERA_DB_PROVIDER"));
        var kind = ParseProvider(provider, db);
        var replicas = ReadReplicaList(Blank(read) ?? Environment.GetEnvironmentVariable("MERA_DB_READ"));
        if (kind == DbProvider.Postgres)
        {
            return new DbSettings(kind, db ?? throw new ArgumentException(
                "Для PostgreSQL укажите строку подключения (MERA_DB или --db), например Host=localhost;Database=mera;Username=mera"))
            {
                ReadReplicas = replicas,
                ReadMaxLag = TimeSpan.FromSeconds(double.TryParse(Environment.GetEnvironmentVariable("MERA_DB_READ_MAX_LAG"),
                    System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var lag) && lag >= 0 ? lag : 30),
            };
        }
        if (replicas.Count > 0)
        {
            throw new ArgumentException("Реплики для чтения (MERA_DB_READ) бывают только у PostgreSQL; у файла SQLite их нет — уберите MERA_DB_READ");
        }
        return new DbSettings(kind, SqliteConnectionString(db ?? Path.Combine(RepositoryRoot(), DefaultSqlitePath)));
    }

    /// <summary>Streaming standbys for reads (`MERA_DB_READ`: connection strings separated by `|`), PostgreSQL only.</summary>
    public IReadOnlyList<string> ReadReplicas { get; init; } = [];

    /// <summary>How far behind a standby may be and still serve reads (`MERA_DB_READ_MAX_LAG`, seconds).</summary>
    public TimeSpan ReadMaxLag { get; init; } = TimeSpan.FromSeconds(30);

    private static IReadOnlyList<string> ReadReplicaList(string? value) =>
        (value ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public bool IsEmbedded => Provider == DbProvider.Sqlite;

    public string Describe() => Provider == DbProvider.Sqlite
        ? $"SQLite: {new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource}"
        : $"PostgreSQL: {new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Password = null }.ConnectionString}";

    private static DbProvider ParseProvider(string? provider, string? db)
    {
        if (provider is not null)
        {
            return provider.ToLowerInvariant() switch
            {
                "sqlite" => DbProvider.Sqlite,
                "postgres" or "postgresql" or "npgsql" or "pg" => DbProvider.Postgres,
                _ => throw new ArgumentException($"Неизвестный провайдер базы данных «{provider}»: ожидается sqlite или postgres"),
            };
        }
        return db is not null && db.Contains("Host=", StringComparison.OrdinalIgnoreCase) ? DbProvider.Postgres : DbProvider.Sqlite;
    }

    private static string SqliteConnectionString(string db)
    {
        // A bare path is the usual way to name the file; a full connection string is kept as given.
        var builder = db.Contains('=')
            ? new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db)
            : new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = db };
        // Parallel CLI processes wait for the write lock instead of failing at once (a national import holds it ~20 s).
        builder.DefaultTimeout = Math.Max(builder.DefaultTimeout, 300);
        var dir = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }
        return builder.ToString();
    }

    /// <summary>The checkout's root (where Mera.slnx is), so the CLI and the web share one default database file.</summary>
    public static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Mera.slnx")))
                {
                    return dir.FullName;
                }
            }
        }
        return Directory.GetCurrentDirectory();
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
