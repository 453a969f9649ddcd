using System.Text.RegularExpressions;
using Mera.Core.Data;
using Mera.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Users;

/// <summary>
/// The executor mark a document ends with (ГОСТ Р 7.0.97-2025): the person's full name and phone, from the user's
/// profile in the web, from `--executor` or `MERA_EXECUTOR` in the CLI — never a login or an operating-system account.
/// </summary>
public static partial class ExecutorMark
{
    public sealed record Command(string UserId, string? Phone, string Actor);

    /// <summary>«Исполнитель: Ноздрин Михаил Викторович» and «тел. 8 (39195) 2-22-22» on the next line.</summary>
    public static string Of(string fullName, string? phone) =>
        string.IsNullOrWhiteSpace(fullName) ? "" :
        $"Исполнитель: {fullName.Trim()}" + (string.IsNullOrWhiteSpace(phone) ? "" : "\n" + (phone.Trim().StartsWith("тел") ? phone.Trim() : $"тел. {phone.Trim()}"));

    public static async Task<string> ForUserAsync(MeraDb database, string userId, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.FullName, u.PhoneNumber }).SingleAsync(ct);
        return Of(user.FullName, user.PhoneNumber);
    }

    /// <summary>The CLI's mark: the option, else MERA_EXECUTOR («ФИО, телефон»), else none.</summary>
    public static string FromCli(string? option)
    {
        var text = option ?? Environment.GetEnvironmentVariable("MERA_EXECUTOR");
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var comma = text.IndexOf(',');
        return comma > 0 && PhoneLike().IsMatch(text[(comma + 1)..].Trim())
            ? Of(text[..comma], text[(comma + 1)..].Trim())
            : Of(text, null);
    }

    public static async Task SetPhoneAsync(MeraDb database, Command c, TimeProvider clock, CancellationToken ct = default)
    {
        var phone = c.Phone?.Trim();
        if (!string.IsNullOrEmpty(phone) && (phone.Length > 40 || !PhoneLike().IsMatch(phone)))
        {
            throw new OperationRefusedException("Телефон записывается цифрами, например «8 (39195) 2-22-22» или «+7 391 222-22-22».");
        }
        await using var db = database.CreateContext();
        var user = await db.Users.SingleAsync(u => u.Id == c.UserId, ct);
        user.PhoneNumber = string.IsNullOrEmpty(phone) ? null : phone;
        db.AuditLog.Add(AuditEntry.Of(clock, c.Actor, "user.phone", "user", user.UserName ?? "", phone ?? "", user.OrgUnitId));
        await db.SaveChangesAsync(ct);
    }

    [GeneratedRegex(@"^(тел\.?\s*)?\+?[0-9][0-9 ()\-–]{4,}$")]
    private static partial Regex PhoneLike();
}
