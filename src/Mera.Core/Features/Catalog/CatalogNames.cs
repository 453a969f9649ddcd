using Mera.Core.Data;
using Mera.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Catalog;

/// <summary>
/// The names of every catalog code — elements, indicators, forms and the formulas' built-in terms — for pages that
/// show a formula or a journal entry in words (<see cref="Formatting.CodeNames"/>).
/// </summary>
public static class CatalogNames
{
    public static async Task<IReadOnlyDictionary<string, string>> RunAsync(MeraDb database, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var names = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [DataElement.SchoolsCode] = "число школ",
            ["org.is_rural"] = "сельская школа",
        };
        foreach (var e in await db.DataElements.AsNoTracking().Select(e => new { e.Code, e.Name }).ToListAsync(ct))
        {
            names[e.Code] = e.Name;
        }
        foreach (var i in await db.Indicators.AsNoTracking().Select(i => new { i.Code, i.Name }).ToListAsync(ct))
        {
            names[i.Code] = i.Name;
        }
        return names;
    }

    /// <summary>Names a code for a one-line message (up to <paramref name="max"/> characters); an unknown code stays as it is.</summary>
    public static async Task<Func<string, string>> ShortenedAsync(MeraDb database, int max = 70, CancellationToken ct = default)
    {
        var names = await RunAsync(database, ct);
        return code => names.TryGetValue(code, out var name) ? Formatting.RussianFormat.Shortened(name, max) : code;
    }
}
