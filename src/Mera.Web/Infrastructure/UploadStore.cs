using System.Security.Cryptography;
using Mera.Core.Data;
using Mera.Core.Features.Imports;

namespace Mera.Web.Infrastructure;

/// <summary>
/// Uploaded files between the dry-run preview and the confirmation: kept in the database by a random token (never by
/// a user-supplied name), readable only by the user who uploaded them, removed after a day (ADR 0030). Any web node can
/// confirm what another received. The importers read files, so a node keeps a copy in its local cache folder
/// (`MERA_UPLOADS`), written from the database when it has none.
/// </summary>
public sealed class UploadStore(MeraDb database, IConfiguration configuration)
{
    private readonly string _cache = configuration["MERA_UPLOADS"] ?? Path.Combine(Path.GetTempPath(), "mera-uploads");

    /// <summary>Ages are real time, whatever date the app's clock was started at.</summary>
    private static readonly TimeProvider RealClock = TimeProvider.System;

    public async Task<(string Token, string Path)> SaveAsync(IFormFile file, string userId, CancellationToken ct)
    {
        var key = UserKey(userId);
        var now = RealClock.GetUtcNow().ToUnixTimeSeconds();
        ClearOldCache();
        // A quota per user: files waiting for «Загрузить» are few and small in honest use.
        var usage = await PendingUploads.UsageAsync(database, key, now - (long)Lifetime.TotalSeconds, ct);
        if (usage.Files >= MaxPendingFiles || usage.Bytes + file.Length > MaxPendingBytes)
        {
            throw new Core.OperationRefusedException(
                $"У вас уже {usage.Files} непроверенных файлов ожидают загрузки: загрузите или отмените их (не больше {MaxPendingFiles} файлов и {MaxPendingBytes / 1024 / 1024} МБ)");
        }
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        using var buffer = new MemoryStream((int)Math.Min(file.Length, int.MaxValue));
        await file.CopyToAsync(buffer, ct);
        var content = buffer.ToArray();
        await PendingUploads.AddAsync(database, token, key, now, content, ct);
        var path = CachePath(token, key);
        await File.WriteAllBytesAsync(path, content, ct);
        return (token, path);
    }

    /// <summary>A local path to the waiting file, or null when it is gone or not this user's.</summary>
    public async Task<string?> FindAsync(string token, string userId, CancellationToken ct)
    {
        if (token.Length != 32 || !token.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }
        var key = UserKey(userId);
        var path = CachePath(token, key);
        if (File.Exists(path))
        {
            // Confirmed or cancelled through another node: the local copy must not outlive the database's.
            if (await PendingUploads.ExistsAsync(database, token, key, ct))
            {
                return path;
            }
            File.Delete(path);
            return null;
        }
        if (await PendingUploads.ContentAsync(database, token, key, ct) is not { } content)
        {
            return null;
        }
        await File.WriteAllBytesAsync(path, content, ct);
        return path;
    }

    public async Task DeleteAsync(string token, string userId, CancellationToken ct)
    {
        var key = UserKey(userId);
        await PendingUploads.DeleteAsync(database, token, key, ct);
        File.Delete(CachePath(token, key));
    }

    /// <summary>What was previewed: confirming commits exactly this, whatever the confirming form posts.</summary>
    public sealed record Previewed(string Kind, string? Period, string OrgCode, bool SkipUnmatched, string FileName, string Sha256);

    public Task RememberAsync(string token, string userId, Previewed previewed, CancellationToken ct) =>
        PendingUploads.RememberAsync(database, token, UserKey(userId), System.Text.Json.JsonSerializer.Serialize(previewed), ct);

    /// <summary>The previewed parameters, or null when the upload is gone or its file was changed since the preview.</summary>
    public async Task<Previewed?> RecallAsync(string token, string userId, CancellationToken ct)
    {
        if (await FindAsync(token, userId, ct) is not { } path
            || await PendingUploads.PreviewedAsync(database, token, UserKey(userId), ct) is not { } json)
        {
            return null;
        }
        var previewed = System.Text.Json.JsonSerializer.Deserialize<Previewed>(json);
        return previewed is not null && previewed.Sha256 == Core.Reading.ContentHash.Sha256Of(path) ? previewed : null;
    }

    public const int MaxPendingFiles = 20;
    public const long MaxPendingBytes = 400L * 1024 * 1024;
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    private string CachePath(string token, string key)
    {
        Directory.CreateDirectory(_cache);
        return Path.Combine(_cache, $"{token}-{key}");
    }

    /// <summary>Local copies older than a day: their database rows are gone too.</summary>
    private void ClearOldCache()
    {
        if (!Directory.Exists(_cache))
        {
            return;
        }
        var dayAgo = RealClock.GetUtcNow().UtcDateTime - Lifetime;
        foreach (var stale in Directory.EnumerateFiles(_cache).Where(f => File.GetCreationTimeUtc(f) < dayAgo))
        {
            File.Delete(stale);
        }
    }

    private static string UserKey(string userId) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(userId)))[..16];
}
