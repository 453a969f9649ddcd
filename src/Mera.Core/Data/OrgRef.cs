using Mera.Core.Domain;

namespace Mera.Core.Data;

/// <summary>An org unit as imports and the write gate need it: ids, codes and the subtree path.</summary>
public sealed record OrgRef(int Id, string Code, string Name, OrgUnitType Type, string Path, string? Inn, string? Kpp)
{
    public bool IsInside(OrgRef ancestor) => Path.StartsWith(ancestor.Path, StringComparison.Ordinal);
}
