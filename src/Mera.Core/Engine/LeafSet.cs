using Mera.Core.Domain;

namespace Mera.Core.Engine;

/// <summary>
/// The reporting units (schools and branches) of a subtree that work on the period's end, each mapped to the
/// group it sums into: group 0 is the requested org, groups 1..n its direct children.
/// </summary>
internal sealed class LeafSet
{
    public required int[] OrgIds { get; init; }
    public required bool[] IsSchool { get; init; }
    public required bool[] IsRural { get; init; }

    /// <summary>Where a leaf's reporting counts: a branch reports through its school when the school is in the set.</summary>
    public required int[] CreditLeaf { get; init; }

    /// <summary>Child group of each leaf (1..n), or 0 when the leaf is the requested org itself.</summary>
    public required int[] ChildGroup { get; init; }
    public required Dictionary<int, int> IndexOfOrg { get; init; }

    public int Count => OrgIds.Length;

    public static LeafSet Build(IReadOnlyList<LeafRow> rows, string rootPath, IReadOnlyList<int> childIds, DateOnly periodEnd)
    {
        var active = rows.Where(r => r.IsActiveOn(periodEnd)).ToList();
        var index = new Dictionary<int, int>(active.Count);
        for (var i = 0; i < active.Count; i++)
        {
            index[active[i].Id] = i;
        }
        var childGroupOfId = new Dictionary<int, int>(childIds.Count);
        for (var c = 0; c < childIds.Count; c++)
        {
            childGroupOfId[childIds[c]] = c + 1;
        }
        var credit = new int[active.Count];
        var group = new int[active.Count];
        for (var i = 0; i < active.Count; i++)
        {
            var row = active[i];
            credit[i] = row.Type == OrgUnitType.Branch && row.ParentId is int p && index.TryGetValue(p, out var parent) ? parent : i;
            group[i] = childGroupOfId.Count == 0 ? 0 : ChildOf(row.Path, rootPath, childGroupOfId);
        }
        return new LeafSet
        {
            OrgIds = active.Select(r => r.Id).ToArray(),
            IsSchool = active.Select(r => r.Type == OrgUnitType.School).ToArray(),
            IsRural = active.Select(r => r.IsRural).ToArray(),
            CreditLeaf = credit,
            ChildGroup = group,
            IndexOfOrg = index,
        };
    }

    /// <summary>The first path segment below the root names the child that contains the leaf.</summary>
    private static int ChildOf(string path, string rootPath, Dictionary<int, int> childGroupOfId)
    {
        if (path.Length <= rootPath.Length)
        {
            return 0;
        }
        var rest = path.AsSpan(rootPath.Length);
        var slash = rest.IndexOf('/');
        return slash > 0 && int.TryParse(rest[..slash], out var childId) && childGroupOfId.TryGetValue(childId, out var g) ? g : 0;
    }
}

internal sealed record LeafRow(int Id, int? ParentId, string Path, OrgUnitType Type, bool IsRural, bool IsActive, DateOnly? OpenedOn, DateOnly? ClosedOn)
{
    public bool IsActiveOn(DateOnly date) =>
        IsActive && (OpenedOn is null || OpenedOn <= date) && (ClosedOn is null || ClosedOn >= date);
}
