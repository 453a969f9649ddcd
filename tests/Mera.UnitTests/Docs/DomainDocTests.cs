using Mera.Core.Data;
using Mera.Core.Data.BuiltIn;
using Mera.Core.Reading.Platforms;

namespace Mera.UnitTests.Docs;

/// <summary>docs/domain.md is the newcomer's only source on formats and indicators: it must name what the code reads.</summary>
public sealed class DomainDocTests
{
    private static readonly string Domain = File.ReadAllText(Path.Combine(DbSettings.RepositoryRoot(), "docs", "domain.md"));

    [Fact]
    public void Every_required_platform_column_is_documented()
    {
        var missing = PlatformLayouts.All.SelectMany(l => l.Columns.Where(c => c.Required).Select(c => $"{l.Kind}: «{c.Headers[0]}»"))
            .Where(h => !Domain.Contains(h[(h.IndexOf('«'))..])).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_built_in_indicator_and_form_is_documented()
    {
        var catalog = BuiltInCatalog.Instance;
        var undocumented = catalog.Indicators.Select(i => i.Code).Concat(catalog.Forms.Select(f => f.Code)).Where(code => !Domain.Contains($"`{code}`")).ToList();
        Assert.True(undocumented.Count == 0, "not in docs/domain.md: " + string.Join(", ", undocumented));
    }

    [Fact]
    public void Every_import_kind_is_documented()
    {
        var undocumented = Mera.Core.Features.Imports.ImportKinds.All.Select(k => k.Code)
            .Where(code => !Domain.Contains($"**{code}**") && !Domain.Contains($"`{code}`")).ToList();
        Assert.True(undocumented.Count == 0, "not in docs/domain.md: " + string.Join(", ", undocumented));
    }
}
