using System.Security.Cryptography;

namespace Mera.Web.Infrastructure;

/// <summary>
/// Uploaded files between the dry-run preview and the confirmation: kept under the data folder by a random token
/// (never by a user-supplied name), readable only by the user who uploaded them, removed after a day.
/// </summary>
public sealed class UploadStore(IConfiguration configuration)
{
    private readonly string _root = configuration["MERA_UPLOADS"] ?? Path.Combine(Path.GetTempPath(), "mera-uploads");

    /// <summary>File ages are real time (the file system's clock), whatever date the app's clock was started at.</summary>
    private static readonly TimeProvider FileClock = TimeProvider.System;

    public async Task<(string Token, string Path)> SaveAsync(IFormFile file, string userId, CancellationToken ct)
    {
        Directory.CreateDirectory(_root);
        var dayAgo = FileClock.GetUtcNow().UtcDateTime.AddDays(-1);
        foreach (var stale in Directory.EnumerateFiles(_root).Where(f => File.GetCreationTimeUtc(f) < dayAgo))
        {
            File.Delete(stale);
        }
        // A quota per user: files waiting for «Загрузить» are few and small in honest use.
        var mine = Directory.EnumerateFiles(_root, "*-" + UserKey(userId)).Select(f => new FileInfo(f)).ToList(); // not the .json beside
        if (mine.Count >= MaxPendingFiles || mine.Sum(f => f.Length) + file.Length > MaxPendingBytes)
        {
            throw new Core.OperationRefusedException(
                $"У вас уже {mine.Count} непроверенных файлов ожидают загрузки: загрузите или отмените их (не больше {MaxPendingFiles} файлов и {MaxPendingBytes / 1024 / 1024} МБ)");
        }
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var path = PathOf(token, userId);
        await using var output = File.Create(path);
        await file.CopyToAsync(output, ct);
        return (token, path);
    }

    public string? Find(string token, string userId)
    {
        if (token.Length != 32 || !token.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }
        var path = PathOf(token, userId);
        return File.Exists(path) ? path : null;
    }

    public void Delete(string token, string userId)
    {
        if (Find(token, userId) is { } path)
        {
            File.Delete(path);
            File.Delete(path + ".json");
        }
    }

    /// <summary>What was previewed: confirming commits exactly this, whatever the confirming form posts.</summary>
    public sealed record Previewed(string Kind, string? Period, string OrgCode, bool SkipUnmatched, string FileName, string Sha256);

    public void Remember(string token, string userId, Previewed previewed) =>
        File.WriteAllText(PathOf(token, userId) + ".json", System.Text.Json.JsonSerializer.Serialize(previewed));

    /// <summary>The previewed parameters, or null when the upload is gone or its file was changed since the preview.</summary>
    public Previewed? Recall(string token, string userId)
    {
        if (Find(token, userId) is not { } path || !File.Exists(path + ".json"))
        {
            return null;
        }
        var previewed = System.Text.Json.JsonSerializer.Deserialize<Previewed>(File.ReadAllText(path + ".json"));
        return previewed is not null && previewed.Sha256 == Core.Reading.ContentHash.Sha256Of(path) ? previewed : null;
    }

    public const int MaxPendingFiles = 20;
    public const long MaxPendingBytes = 400L * 1024 * 1024;

    private string PathOf(string token, string userId) => Path.Combine(_root, $"{token}-{UserKey(userId)}");

    private static string UserKey(string userId) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(userId)))[..16];
}
