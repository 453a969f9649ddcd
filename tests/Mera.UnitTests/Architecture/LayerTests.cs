using System.Reflection;
using NetArchTest.Rules;

namespace Mera.UnitTests.Architecture;

/// <summary>
/// The layers of docs/architecture.md, checked on the compiled assembly: Domain ← Formatting ← Formulas ← Engine ←
/// (Data, Reading, Documents) ← Features. A reference that points up, or across the middle layer, fails.
/// </summary>
public sealed class LayerTests
{
    private static readonly Assembly Core = typeof(Mera.Core.Domain.Period).Assembly;

    private static readonly string[][] Layers =
    [
        ["Mera.Core.Domain"],
        ["Mera.Core.Formatting"],
        ["Mera.Core.Formulas"],
        ["Mera.Core.Engine"],
        ["Mera.Core.Data", "Mera.Core.Reading", "Mera.Core.Documents"],
        ["Mera.Core.Features"],
    ];

    public static TheoryData<string> Namespaces() => [.. Layers.SelectMany(l => l)];

    [Theory]
    [MemberData(nameof(Namespaces))]
    public void A_layer_uses_only_the_layers_below_it(string ns)
    {
        var level = Array.FindIndex(Layers, l => l.Contains(ns));
        // Everything above, and the other members of the same layer (across is as bad as up).
        var forbidden = Layers.Skip(level + 1).SelectMany(l => l).Concat(Layers[level].Where(n => n != ns)).ToArray();
        var result = Types.InAssembly(Core).That().ResideInNamespace(ns).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        Assert.True(result.IsSuccessful, $"{ns} must not use {string.Join(", ", forbidden)}; offending types: " +
            string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void The_rule_sees_a_reference_that_points_up()
    {
        // Guard against a rule that cannot fail: Features really does use Data.
        var result = Types.InAssembly(Core).That().ResideInNamespace("Mera.Core.Features").Should().NotHaveDependencyOn("Mera.Core.Data").GetResult();
        Assert.False(result.IsSuccessful);
    }
}
