using Mera.Core.Data;

namespace Mera.Core.Features.Imports;

/// <summary>
/// Uploaded files waiting for the user's «Загрузить» after the preview, in the database so that any web node can
/// confirm what another received (ADR 0030). Keyed by a random token and the uploader, kept a day (real time, given
/// by the caller), with the parameters the preview ran with.
/// </summary>
public static class PendingUploads
{
    public sealed record Usage(int Files, long Bytes);

    public static async Task<Usage> UsageAsync(MeraDb database, string userKey, long expiredBefore, CancellationToken ct)
    {
        await using var db = database.CreateContext();
        await using (var expired = await db.RawCommandAsync("DELETE FROM pending_uploads WHERE created_at < @t", ct))
        {
            await expired.With("@t", expiredBefore).ExecuteNonQueryAsync(ct);
        }
        await using var command = await db.RawCommandAsync("SELECT count(*), coalesce(sum(length), 0) FROM pending_uploads WHERE user_key = @u", ct);
        await using var reader = await command.With("@u", userKey).ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new Usage(Convert.ToInt32(reader.GetValue(0)), Convert.ToInt64(reader.GetValue(1)));
    }

    public static async Task AddAsync(MeraDb database, string token, string userKey, long createdAt, byte[] content, CancellationToken ct)
    {
        await using var db = database.CreateContext();
        await using var command = await db.RawCommandAsync(
            "INSERT INTO pending_uploads (token, user_key, created_at, length, content) VALUES (@k, @u, @t, @l, @c)", ct);
        await command.With("@k", token).With("@u", userKey).With("@t", createdAt).With("@l", (long)content.Length).With("@c", content)
            .ExecuteNonQueryAsync(ct);
    }

    /// <summary>The file's content, or null when it is gone (confirmed, cancelled, expired) or another user's.</summary>
    public static async Task<byte[]?> ContentAsync(MeraDb database, string token, string userKey, CancellationToken ct)
    {
        await using var db = database.CreateContext();
        await using var command = await db.RawCommandAsync("SELECT content FROM pending_uploads WHERE token = @k AND user_key = @u", ct);
        return await command.With("@k", token).With("@u", userKey).ExecuteScalarAsync(ct) as byte[];
    }

    public static async Task<bool> ExistsAsync(MeraDb database, string token, string userKey, CancellationToken ct)
    {
        await using var db = database.CreateContext();
        await using var command = await db.RawCommandAsync("SELECT count(*) FROM pending_uploads WHERE token = @k AND user_key = @u", ct);
        return Convert.ToInt64(await command.With("@k", token).With("@u", userKey).ExecuteScalarAsync(ct)) > 0;
    }

    public static async Task RememberAsync(MeraDb database, string token, string userKey, string previewed, CancellationToken ct)
    {
        await using var db = database.CreateContext();
        await using var command = await db.RawCommandAsync("UPDATE pending_uploads SET previewed = @p WHERE token = @k AND user_key = @u", ct);
        await command.With("@p", previewed).With("@k", token).With("@u", userKey).ExecuteNonQueryAsync(ct);
    }

    public static async Task<string?> PreviewedAsync(MeraDb database, string token, string userKey, CancellationToken ct)
    {
        await using var db = database.CreateContext();
        await using var command = await db.RawCommandAsync("SELECT previewed FROM pending_uploads WHERE token = @k AND user_key = @u", ct);
        return await command.With("@k", token).With("@u", userKey).ExecuteScalarAsync(ct) as string;
    }

    public static async Task DeleteAsync(MeraDb database, string token, string userKey, CancellationToken ct)
    {
        await using var db = database.CreateContext();
        await using var command = await db.RawCommandAsync("DELETE FROM pending_uploads WHERE token = @k AND user_key = @u", ct);
        await command.With("@k", token).With("@u", userKey).ExecuteNonQueryAsync(ct);
    }
}
