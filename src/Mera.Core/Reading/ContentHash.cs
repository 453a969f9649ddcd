using System.Security.Cryptography;

namespace Mera.Core.Reading;

public static class ContentHash
{
    public static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
