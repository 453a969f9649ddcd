using NetArchTest.Rules;

namespace Mera.IntegrationTests.Architecture;

/// <summary>
/// The front ends word things; Core decides them. No page model, API endpoint or CLI command opens the database
/// itself (every one calls a use case), so a rule — who may set a target, what a value list holds — lives in one place.
/// </summary>
public sealed class FrontEndTests
{
    public static TheoryData<string> FrontEnds() => ["Mera.Web.Pages", "Mera.Web.Api", "Mera.Cli.Commands"];

    [Theory]
    [MemberData(nameof(FrontEnds))]
    public void Pages_endpoints_and_commands_call_use_cases_not_the_database(string ns)
    {
        var assembly = ns.StartsWith("Mera.Cli") ? typeof(Mera.Cli.CliApp).Assembly : typeof(Mera.Web.Infrastructure.CurrentUser).Assembly;
        var result = Types.InAssembly(assembly).That().ResideInNamespace(ns)
            .ShouldNot().HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "Mera.Core.Data.MeraDbContext").GetResult();
        Assert.True(result.IsSuccessful, $"{ns} uses the database directly: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }
}
