using Mera.Core.Data;
using Mera.Core.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Mera.Core.Features.Users;

/// <summary>
/// One password and lockout policy for the web and the CLI: at least 10 characters with upper- and lower-case
/// letters and digits; 5 failed sign-ins lock the account for 15 minutes.
/// </summary>
public static class MeraIdentity
{
    public static void Configure(IdentityOptions options)
    {
        options.Password.RequiredLength = 10;
        options.Password.RequireDigit = true;
        options.Password.RequireLowercase = true;
        options.Password.RequireUppercase = true;
        options.Password.RequireNonAlphanumeric = false;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.Lockout.AllowedForNewUsers = true;
        options.User.RequireUniqueEmail = false;
        options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
    }

    /// <summary>A UserManager outside the web host (CLI, demo loader) with the same policy as the web.</summary>
    public static UserManager<MeraUser> CreateManager(MeraDbContext db)
    {
        var options = new IdentityOptions();
        Configure(options);
        var store = new UserOnlyStore<MeraUser, MeraDbContext>(db);
        return new UserManager<MeraUser>(store, Options.Create(options), new PasswordHasher<MeraUser>(),
            [new UserValidator<MeraUser>(new RussianIdentityErrors())], [new PasswordValidator<MeraUser>(new RussianIdentityErrors())],
            new UpperInvariantLookupNormalizer(), new RussianIdentityErrors(), null!, NullLogger<UserManager<MeraUser>>.Instance);
    }

    public static string Describe(IdentityResult result) => string.Join("; ", result.Errors.Select(e => e.Description));
}

/// <summary>Identity's messages in Russian.</summary>
public sealed class RussianIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"пароль должен быть не короче {length} символов" };
    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = "в пароле должна быть хотя бы одна цифра" };
    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = "в пароле должна быть хотя бы одна строчная латинская буква" };
    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = "в пароле должна быть хотя бы одна заглавная латинская буква" };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"логин «{userName}» уже занят" };
    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = $"логин «{userName}» может содержать только латинские буквы, цифры и знаки - . _ @" };
    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "неверный текущий пароль" };
    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = "операция не выполнена" };
}
