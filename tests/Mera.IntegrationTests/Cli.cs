using System.Text.Json;
using Mera.Cli;

namespace Mera.IntegrationTests;

public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public JsonElement[] Json() => JsonDocument.Parse(Out).RootElement.EnumerateArray().ToArray();
}

/// <summary>Runs `./mera …` in-process against a test database, capturing stdout and stderr.</summary>
public static class Cli
{
    public static async Task<CliRun> RunAsync(TestDatabase db, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync([.. args, "--db", db.ConnectionString, "--provider", db.Provider], output, error, db.Clock);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public static async Task<CliRun> OkAsync(TestDatabase db, params string[] args)
    {
        var run = await RunAsync(db, args);
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Error}{run.Out}");
        return run;
    }

    public static string WriteFile(string name, string content, System.Text.Encoding? encoding = null)
    {
        var dir = Directory.CreateTempSubdirectory("mera-files-").FullName;
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, content, encoding ?? new System.Text.UTF8Encoding(false));
        return path;
    }

    public static JsonElement Row(CliRun run, string org, string indicator) =>
        run.Json().Single(r => r.GetProperty("org").GetString() == org && r.GetProperty("indicator").GetString() == indicator);
}
