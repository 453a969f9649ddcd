using System.Text.RegularExpressions;

namespace Mera.Core.Features.Catalog;

/// <summary>
/// Codes of what a region adds to its catalog (issue 20): lower-case Latin words joined by dots, like the built-in
/// ones («region.orgs.cos_model»). A code already taken — built in or added before — is never overwritten: the engine,
/// values and targets refer to items by code, and a release may add the same code later only for its own meaning.
/// </summary>
internal static partial class RegionCodes
{
    public static string Checked(string? code, string what)
    {
        var trimmed = (code ?? "").Trim();
        if (!CodeRegex().IsMatch(trimmed))
        {
            throw new OperationRefusedException(
                $"{what}: код «{trimmed}» должен состоять из латинских строчных слов через точку, например «region.orgs.cos_model»");
        }
        return trimmed;
    }

    [GeneratedRegex(@"^[a-z][a-z0-9_]*(\.[a-z0-9_]+){1,4}$")]
    private static partial Regex CodeRegex();
}
