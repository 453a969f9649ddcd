namespace Mera.Core.Domain;

public enum OrgUnitType { Country = 0, Region = 1, Municipality = 2, School = 3, Branch = 4 }

/// <summary>An organisation unit of the hierarchy country → region → municipality → school → branch.</summary>
public sealed class OrgUnit
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? ShortName { get; set; }
    public OrgUnitType Type { get; set; }
    public int? ParentId { get; set; }
    public OrgUnit? Parent { get; set; }

    /// <summary>Materialised path of ids ("/1/5/23/") so a subtree is one indexed prefix query at national scale.</summary>
    public string Path { get; set; } = "/";

    /// <summary>Text, never a number: leading zeros are real (0548006320). Not unique: branches share it.</summary>
    public string? Inn { get; set; }
    public string? Kpp { get; set; }
    public string? Ogrn { get; set; }
    public string? Address { get; set; }
    public bool IsRural { get; set; }
    public string? Director { get; set; }
    public string? ResponsiblePerson { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public bool IsActive { get; set; } = true;
    public DateOnly? OpenedOn { get; set; }
    public DateOnly? ClosedOn { get; set; }

    public bool IsReportingUnit => Type is OrgUnitType.School or OrgUnitType.Branch;

    /// <summary>Whether the unit works on the given date (the `orgunit.schools` rule: active on the period's end).</summary>
    public bool IsActiveOn(DateOnly date) =>
        IsActive && (OpenedOn is null || OpenedOn <= date) && (ClosedOn is null || ClosedOn >= date);
}

public static class OrgUnitTypeNames
{
    public static string ToCode(OrgUnitType type) => type switch
    {
        OrgUnitType.Country => "country",
        OrgUnitType.Region => "region",
        OrgUnitType.Municipality => "municipality",
        OrgUnitType.School => "school",
        _ => "branch",
    };

    public static string ToRussian(OrgUnitType type) => type switch
    {
        OrgUnitType.Country => "страна",
        OrgUnitType.Region => "регион",
        OrgUnitType.Municipality => "муниципалитет",
        OrgUnitType.School => "школа",
        _ => "филиал",
    };

    public static bool TryParse(string? text, out OrgUnitType type)
    {
        var t = (text ?? "").Trim().ToLowerInvariant();
        foreach (var candidate in Enum.GetValues<OrgUnitType>())
        {
            if (t == ToCode(candidate) || t == ToRussian(candidate))
            {
                type = candidate;
                return true;
            }
        }
        type = OrgUnitType.School;
        return false;
    }
}
