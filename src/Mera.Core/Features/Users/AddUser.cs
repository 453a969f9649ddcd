using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Users;

/// <summary>`./mera users add --login --role --org [--email] [--password]`: a user bound to an org unit with one role.</summary>
public static class AddUser
{
    public sealed record Command(string Login, string Role, string OrgCode, string Password, string? Email = null,
        string? FullName = null, bool IsDemo = false, string? CreatedBy = null);

    public static async Task<MeraUser> RunAsync(MeraDb database, Command command, TimeProvider clock, CancellationToken ct = default)
    {
        if (!Roles.All.Contains(command.Role))
        {
            throw new ArgumentException($"неизвестная роль «{command.Role}»: {string.Join(", ", Roles.All)}");
        }
        await using var db = database.CreateContext();
        var org = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Code == command.OrgCode, ct)
            ?? throw new NotFoundException($"Организация с кодом «{command.OrgCode}» не найдена");
        if (!Roles.Fits(command.Role, org.Type))
        {
            throw new OperationRefusedException($"Роль «{Roles.ToRussian(command.Role)}» не может быть привязана к организации типа «{OrgUnitTypeNames.ToRussian(org.Type)}» ({org.Code})");
        }
        var user = new MeraUser
        {
            UserName = command.Login, Email = command.Email, FullName = command.FullName ?? command.Login, Role = command.Role,
            OrgUnitId = org.Id, IsDemo = command.IsDemo, CreatedAt = clock.GetUtcNow(), EmailConfirmed = command.Email is not null,
        };
        using var users = MeraIdentity.CreateManager(db);
        var result = await users.CreateAsync(user, command.Password);
        if (!result.Succeeded)
        {
            throw new OperationRefusedException($"Пользователь не создан: {MeraIdentity.Describe(result)}");
        }
        db.AuditLog.Add(AuditEntry.Of(clock, command.CreatedBy ?? "cli", "user.add", "user", user.Id,
            $"{command.Login}: {Roles.ToRussian(command.Role)}, {org.Code}", org.Id));
        await db.SaveChangesAsync(ct);
        return user;
    }
}
