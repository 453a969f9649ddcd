using System.Diagnostics;

namespace Mera.IntegrationTests.Reliability;

/// <summary>The real CLI as a separate process (the one the solution build made), for tests that kill or race it.</summary>
public static class CliProcess
{
    public static Process Start(TestDatabase db, params string[] args)
    {
        var dll = Path.Combine(Mera.Core.Data.DbSettings.RepositoryRoot(), "src", "Mera.Cli", "bin", "Debug", "net10.0", "mera.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: build the solution (./test.sh does)");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var a in args.Concat(["--db", db.ConnectionString, "--provider", db.Provider]))
        {
            start.ArgumentList.Add(a);
        }
        return Process.Start(start)!;
    }

    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(TestDatabase db, params string[] args)
    {
        using var process = Start(db, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
