using System.Collections.Concurrent;

namespace Mera.Web.Infrastructure;

/// <summary>
/// Wrong passwords are counted per login and client address, not per account: five from one address hold that address
/// back from that login for 15 minutes, while the owner signs in from their own. Fifty from anywhere within 15 minutes
/// hold the login back for everyone — a guess spread over many addresses — but a stranger can no longer lock an
/// account (an administrator's included) with five requests. An administrator's lock stays the account's own.
/// </summary>
public sealed class LoginThrottle(TimeProvider clock)
{
    public const int PerAddress = 5;
    public const int PerLogin = 50;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, Failures> _failures = new();

    private sealed record Failures(int Count, DateTimeOffset Since);

    public bool IsHeldBack(string login, string? address) =>
        Reached(Key(login, address), PerAddress) || Reached(Key(login, null), PerLogin);

    public void Failed(string login, string? address)
    {
        Count(Key(login, address));
        Count(Key(login, null));
        if (_failures.Count > 100_000)
        {
            Prune(); // a flood of made-up logins must not grow the table without bound
        }
    }

    public void Succeeded(string login, string? address) => _failures.TryRemove(Key(login, address), out _);

    private bool Reached(string key, int limit) =>
        _failures.TryGetValue(key, out var f) && f.Count >= limit && clock.GetUtcNow() - f.Since < Window;

    private void Count(string key)
    {
        var now = clock.GetUtcNow();
        _failures.AddOrUpdate(key, _ => new Failures(1, now), (_, f) => now - f.Since < Window ? f with { Count = f.Count + 1 } : new Failures(1, now));
    }

    private void Prune()
    {
        var now = clock.GetUtcNow();
        foreach (var (key, f) in _failures)
        {
            if (now - f.Since >= Window)
            {
                _failures.TryRemove(key, out _);
            }
        }
    }

    private static string Key(string login, string? address) => $"{login.Trim().ToUpperInvariant()}|{address ?? "*"}";
}
