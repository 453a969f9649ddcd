using Mera.Core.Data;
using Mera.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Users;

/// <summary>One account per role over the demo region; created only with the demo data, listed in the README.</summary>
public static class DemoUsers
{
    public const string Password = "Mera-demo-2026";

    public static readonly IReadOnlyList<(string Login, string Role, string Org, string Name)> Accounts =
    [
        ("admin", Roles.Admin, "demo", "Администратор системы"),
        ("minobr", Roles.Region, "demo", "Петрова Анна Сергеевна, министерство образования"),
        ("enisey", Roles.Municipality, "demo-enisey", "Смирнова Ольга Ивановна, отдел образования"),
        ("school1", Roles.School, "demo-enisey-s01", "Кузнецов Дмитрий Андреевич, СОШ № 1"),
        ("viewer", Roles.Viewer, "demo-enisey", "Глава администрации района"),
    ];

    public static async Task EnsureAsync(MeraDb database, TimeProvider clock, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var existing = await db.Users.Select(u => u.UserName).ToListAsync(ct);
        foreach (var (login, role, org, name) in Accounts.Where(a => !existing.Contains(a.Login)))
        {
            // Mailboxes on the reserved example.ru domain: reminders and digests of the demo have somewhere to go.
            await AddUser.RunAsync(database, new AddUser.Command(login, role, org, Password, Email: $"{login}@demo.example.ru", FullName: name, IsDemo: true, CreatedBy: "demo"), clock, ct);
        }
    }

    public static async Task<bool> AnyAsync(MeraDb database, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        return await db.Users.AnyAsync(u => u.IsDemo, ct);
    }

    /// <summary>
    /// Whether the sign-in page may list the demo accounts and their password: with MERA_DEMO=1, or on a database the demo
    /// made (demo users and no one else). A real installation where someone once ran `./mera demo` for training keeps
    /// them to itself.
    /// </summary>
    public static async Task<bool> ShownAsync(MeraDb database, CancellationToken ct = default)
    {
        if (Environment.GetEnvironmentVariable("MERA_DEMO") == "1")
        {
            return await AnyAsync(database, ct);
        }
        await using var db = database.CreateContext();
        return await db.Users.AnyAsync(u => u.IsDemo, ct) && !await db.Users.AnyAsync(u => !u.IsDemo, ct);
    }
}
