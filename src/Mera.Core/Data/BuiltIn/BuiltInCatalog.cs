using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mera.Core.Data.BuiltIn;

/// <summary>The starting catalog of DOMAIN.md §4–6, shipped as data (catalog.json) rather than code.</summary>
public sealed record BuiltInCatalog(
    IReadOnlyList<CatalogElement> Elements,
    IReadOnlyList<CatalogIndicator> Indicators,
    IReadOnlyList<CatalogForm> Forms,
    IReadOnlyList<CatalogRule> Rules)
{
    private static readonly Lazy<BuiltInCatalog> _instance = new(Load);

    public static BuiltInCatalog Instance => _instance.Value;

    private static BuiltInCatalog Load()
    {
        using var stream = typeof(BuiltInCatalog).Assembly.GetManifestResourceStream("Mera.Core.Data.BuiltIn.catalog.json")
            ?? throw new InvalidOperationException("catalog.json is not embedded");
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        };
        return JsonSerializer.Deserialize<BuiltInCatalog>(stream, options)
            ?? throw new InvalidOperationException("catalog.json is empty");
    }
}

public sealed record CatalogElement(
    string Code, string Name, string Unit, string ValueType, string PeriodType, string TimeAggregation,
    string Source, string Supplier);

public sealed record CatalogIndicator(
    string Code, string Name, string Kind, string Unit, double Factor, bool LowerIsBetter, string Group, string Seed,
    IReadOnlyList<CatalogFormula> Formulas);

public sealed record CatalogFormula(string EffectiveFrom, string Numerator, string? Denominator);

public sealed record CatalogForm(
    string Code, string Name, string PeriodType, string Deadline, string Supplier, string Receiver,
    IReadOnlyList<string> Elements, string Seed);

/// <summary>A consistency rule: a condition that must hold when all its elements have values.</summary>
public sealed record CatalogRule(string Rule, string Severity, string Message);
