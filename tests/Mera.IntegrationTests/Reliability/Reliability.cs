namespace Mera.IntegrationTests.Reliability;

/// <summary>Figures of the reliability tests, collected in artifacts/reliability/ for the README's «Reliability» table.</summary>
public static class Reliability
{
    public static async Task RecordAsync(string name, string line)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Mera.slnx")))
        {
            dir = dir.Parent;
        }
        var folder = Path.Combine(dir?.FullName ?? Path.GetTempPath(), "artifacts", "reliability");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, name + ".txt"), line + "\n");
    }
}
