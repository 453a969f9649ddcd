namespace Mera.Core.Data;

public enum DbProvider { Sqlite, Postgres }

/// <summary>Where the database is: `MERA_DB` / `MERA_DB_PROVIDER` or `--db` / `--provider`; `Host=` means PostgreSQL.</summary>
public sealed record DbSettings(DbProvider Provider, string ConnectionString)
{
    public const string DefaultSqlitePath = "data/mera.db";

    public static DbSettings Resolve(string? db = null, string? provider = null)
    {
        db = Blank(db) ?? Blank(Environment.GetEnvironmentVariable("MERA_DB"));
        provider = Blank(provider) ?? Blank(Environment.GetEnvironmentVariable("MERA_DB_PROVIDER"));
        var kind = ParseProvider(provider, db);
        if (kind == DbProvider.Postgres)
        {
            return new DbSettings(kind, db ?? throw new ArgumentException(
                "Для PostgreSQL укажите строку подключения (MERA_DB или --db), например Host=localhost;Database=mera;Username=mera"));
        }
        return new DbSettings(kind, SqliteConnectionString(db ?? Path.Combine(RepositoryRoot(), DefaultSqlitePath)));
    }

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
