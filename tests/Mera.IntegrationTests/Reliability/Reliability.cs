namespace Mera.IntegrationTests.Reliability;

/// <summary>Figures of the reliability tests, collected in artifacts/reliability/ for the README's «Reliability» table.</summary>
public static class Reliability
{
    public static async Task RecordAsync(string name, string line)
    {
        var folder = Path.Combine(Mera.Core.Data.DbSettings.RepositoryRoot(), "artifacts", "reliability");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, name + ".txt"), line + "\n");
    }
}
