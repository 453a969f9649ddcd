using System.Security.Cryptography;

namespace Mera.Web.Infrastructure;

/// <summary>
/// Uploaded files between the dry-run preview and the confirmation: kept under the data folder by a random token
/// (never by a user-supplied name), readable only by the user who uploaded them, removed after a day.
/// </summary>
public sealed class UploadStore(IConfiguration configuration)
{
    private readonly string _root = configuration["MERA_UPLOADS"] ?? Path.Combine(Path.GetTempPath(), "mera-uploads");

    public async Task<(string Token, string Path)> SaveAsync(IFormFile file, string userId, CancellationToken ct)
    {
        Directory.CreateDirectory(_root);
        foreach (var stale in Directory.EnumerateFiles(_root).Where(f => File.GetCreationTimeUtc(f) < DateTime.UtcNow.AddDays(-1)))
        {
            File.Delete(stale);
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
        }
    }

    private string PathOf(string token, string userId) =>
        Path.Combine(_root, $"{token}-{Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(userId)))[..16]}");
}
