using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mera.Core.Data;

/// <summary>Builds contexts and raw connections for the configured provider.</summary>
public sealed class MeraDb(DbSettings settings)
{
    public DbSettings Settings { get; } = settings;

    public DbContextOptions<MeraDbContext> Options { get; } = BuildOptions(settings);

    public MeraDbContext CreateContext() => new(Options);

    public static DbContextOptions<MeraDbContext> BuildOptions(DbSettings settings)
    {
        var builder = new DbContextOptionsBuilder<MeraDbContext>();
        Configure(builder, settings);
        return builder.Options;
    }

    public static void Configure(DbContextOptionsBuilder builder, DbSettings settings)
    {
        if (settings.Provider == DbProvider.Postgres)
        {
            builder.UseNpgsql(settings.ConnectionString);
        }
        else
        {
            builder.UseSqlite(settings.ConnectionString);
        }
        // Migrations are written by hand without a model snapshot (no `dotnet ef` here), so EF cannot diff them.
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }

    /// <summary>A raw connection for the hot paths (bulk import, roll-up queries).</summary>
    public DbConnection OpenConnection()
    {
        DbConnection connection = Settings.Provider == DbProvider.Postgres
            ? new Npgsql.NpgsqlConnection(Settings.ConnectionString)
            : new Microsoft.Data.Sqlite.SqliteConnection(Settings.ConnectionString);
        connection.Open();
        return connection;
    }
}
