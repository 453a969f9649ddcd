using Mera.Core.Data;
using Mera.Core.Features.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Database;

/// <summary>`./mera db migrate`: applies the hand-written migrations, then loads the built-in catalog.</summary>
public static class MigrateDatabase
{
    public sealed record Result(IReadOnlyList<string> Applied, SyncCatalog.Result Catalog);

    public static async Task<Result> RunAsync(MeraDb database, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        if (database.Settings.IsEmbedded)
        {
            // WAL lets readers (the web) work while an import writes; the mode is stored in the file.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await db.Database.MigrateAsync(ct);
        var catalog = await SyncCatalog.RunAsync(db, ct);
        return new Result(pending, catalog);
    }
}
