using Microsoft.AspNetCore.Identity;

namespace Mera.Core.Domain;

/// <summary>A person using Mera: one role, bound to one org unit; rights reach that unit's subtree only.</summary>
public sealed class MeraUser : IdentityUser
{
    public required string FullName { get; set; }
    public required string Role { get; set; }
    public int OrgUnitId { get; set; }

    /// <summary>SHA-256 of the personal API token (the token itself is shown once and never stored).</summary>
    public string? ApiTokenHash { get; set; }

    /// <summary>After this instant the token no longer signs in (issued for 90 days unless MERA_TOKEN_DAYS says otherwise).</summary>
    public DateTimeOffset? ApiTokenExpiresAt { get; set; }
    public DateTimeOffset? ApiTokenLastUsedAt { get; set; }

    /// <summary>Reminders of deadlines, and the workflow's notices, once a day in one message instead of at once.</summary>
    public bool RemindersDaily { get; set; }
    public bool WorkflowDaily { get; set; }
    public bool IsDemo { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The roles of DOMAIN §1 and what each may do on its own subtree.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Region = "region";
    public const string Municipality = "municipality";
    public const string School = "school";
    public const string Viewer = "viewer";

    public static readonly IReadOnlyList<string> All = [Admin, Region, Municipality, School, Viewer];

    public static string ToRussian(string role) => role switch
    {
        Admin => "администратор",
        Region => "министерство (регион)",
        Municipality => "отдел образования (муниципалитет)",
        School => "школа",
        Viewer => "просмотр",
        _ => role,
    };

    /// <summary>The org unit types a role may be bound to.</summary>
    public static bool Fits(string role, OrgUnitType type) => role switch
    {
        Admin or Viewer => true,
        Region => type is OrgUnitType.Region or OrgUnitType.Country,
        Municipality => type == OrgUnitType.Municipality,
        School => type is OrgUnitType.School or OrgUnitType.Branch,
        _ => false,
    };

    public static bool EntersData(string role) => role is Admin or Municipality or School;

    public static bool ReviewsSubmissions(string role) => role is Admin or Region or Municipality;

    public static bool Imports(string role) => role is Admin or Municipality;

    public static bool ManagesUsers(string role) => role is Admin or Municipality or Region;
}
