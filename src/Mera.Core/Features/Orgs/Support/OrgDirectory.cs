using Mera.Core.Data;
using Mera.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Orgs;

/// <summary>
/// Finds an org unit by code or INN. INN is not unique (branches share it), so an INN that names several
/// units is reported as ambiguous instead of guessed.
/// </summary>
public sealed class OrgDirectory
{
    private readonly Dictionary<string, OrgRef> _byCode;
    private readonly Dictionary<string, List<OrgRef>> _byInn;

    private OrgDirectory(List<OrgRef> orgs)
    {
        _byCode = orgs.ToDictionary(o => o.Code, StringComparer.OrdinalIgnoreCase);
        _byInn = orgs.Where(o => o.Inn is not null).GroupBy(o => o.Inn!).ToDictionary(g => g.Key, g => g.ToList());
    }

    public static async Task<OrgDirectory> LoadAsync(MeraDbContext db, CancellationToken ct) =>
        new(await OrgRows.DirectoryAsync(db, ct));

    /// <summary>On a connection of its own, without EF Core: an import reads it while the EF model is built (ADR 0018).</summary>
    public static async Task<OrgDirectory> LoadAsync(MeraDb database, CancellationToken ct)
    {
        await using var connection = database.OpenConnection();
        return new(await OrgRows.DirectoryAsync(connection, ct));
    }

    public OrgRef? ByCode(string code) => _byCode.GetValueOrDefault(code.Trim());

    /// <summary>Every org unit, for the lookups by name that only some tables need.</summary>
    public IReadOnlyCollection<OrgRef> All => _byCode.Values;

    /// <summary>The unit for a code or INN, or a Russian reason why there is none.</summary>
    public OrgRef? Resolve(string key, out string? error)
    {
        error = null;
        key = key.Trim();
        if (key.Length == 0)
        {
            error = "не указана организация (код или ИНН)";
            return null;
        }
        if (_byCode.TryGetValue(key, out var byCode))
        {
            return byCode;
        }
        var inn = Inn.Normalize(key);
        if (inn is not null && _byInn.TryGetValue(inn, out var candidates))
        {
            // Branches share their school's INN: prefer the one school when exactly one matches.
            var schools = candidates.Where(c => c.Type == OrgUnitType.School).ToList();
            if (candidates.Count == 1 || schools.Count == 1)
            {
                return candidates.Count == 1 ? candidates[0] : schools[0];
            }
            error = $"ИНН {inn} соответствует нескольким организациям ({string.Join(", ", candidates.Select(c => c.Code))}): укажите код";
            return null;
        }
        error = $"организация «{key}» не найдена (ни по коду, ни по ИНН)";
        return null;
    }
}
