using Mera.Core.Domain;
using Mera.Core.Reading;

namespace Mera.Core.Features.Orgs;

public static class OrgRegistryColumns
{
    public static readonly string[] Code = ["code", "код"];
    public static readonly string[] Name = ["name", "наименование", "полное наименование"];
    public static readonly string[] Type = ["type", "тип"];
    public static readonly string[] ParentCode = ["parent_code", "код родителя", "parent"];
    public static readonly string[] ShortName = ["short_name", "краткое наименование"];
    public static readonly string[] Inn = ["inn", "инн"];
    public static readonly string[] Kpp = ["kpp", "кпп"];
    public static readonly string[] Ogrn = ["ogrn", "огрн"];
    public static readonly string[] Address = ["address", "адрес"];
    public static readonly string[] IsRural = ["is_rural", "сельская местность", "сельская"];
    public static readonly string[] IsBranch = ["is_branch", "филиал"];
    public static readonly string[] Email = ["email", "e-mail", "электронная почта"];
    public static readonly string[] Phone = ["phone", "телефон"];
    public static readonly string[] Director = ["director", "директор", "руководитель"];
    public static readonly string[] Responsible = ["responsible", "ответственное лицо"];
    public static readonly string[] Active = ["is_active", "действует"];
}

public sealed record OrgRow(int Line, string Code, string Name, OrgUnitType Type, string? ParentCode, string? ShortName,
    string? Inn, string? Kpp, string? Ogrn, string? Address, bool IsRural, string? Email, string? Phone, string? Director,
    string? Responsible, bool IsActive)
{
    /// <summary>Copies the row onto the unit; true when anything changed.</summary>
    public bool ApplyTo(OrgUnit org, OrgUnit? parent)
    {
        var before = (org.Name, org.Type, org.ParentId, org.ShortName, org.Inn, org.Kpp, org.Ogrn, org.Address, org.IsRural, org.Email, org.Phone, org.Director, org.ResponsiblePerson, org.IsActive);
        org.Name = Name;
        org.Type = Type;
        org.Parent = parent;
        org.ParentId = parent?.Id;
        org.ShortName = ShortName;
        org.Inn = Inn;
        org.Kpp = Kpp;
        org.Ogrn = Ogrn;
        org.Address = Address;
        org.IsRural = IsRural;
        org.Email = Email;
        org.Phone = Phone;
        org.Director = Director;
        org.ResponsiblePerson = Responsible;
        org.IsActive = IsActive;
        return org.Id == 0 || before != (org.Name, org.Type, org.ParentId, org.ShortName, org.Inn, org.Kpp, org.Ogrn, org.Address, org.IsRural, org.Email, org.Phone, org.Director, org.ResponsiblePerson, org.IsActive);
    }
}
