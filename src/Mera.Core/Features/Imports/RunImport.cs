using Mera.Core.Data;
using Mera.Core.Features.Values;
using Mera.Core.Reading;

namespace Mera.Core.Features.Imports;

/// <summary>
/// Any import by kind, as the CLI, the web upload and jobs call it. A template upload may hold many files; every
/// other kind is one file. Each file is accepted or refused on its own; a refusal carries all its problems.
/// </summary>
public static class RunImport
{
    public sealed record Command(string Kind, string FilePath, string User, string? PeriodCode, string? OrgCode, bool DryRun,
        bool SkipUnmatched = false, string? DisplayName = null, string? FormCode = null, IProgress<ImportProgress>? Progress = null,
        Writer? Writer = null);

    public sealed record FileOutcome(string File, ValueWrite.Result? Saved, IReadOnlyList<ImportIssue> Errors)
    {
        public bool Refused => Saved is null;
    }

    public static async Task<IReadOnlyList<FileOutcome>> RunAsync(MeraDb database, Command c, TimeProvider clock, CancellationToken ct = default)
    {
        using var span = Telemetry.Source.StartActivity("import " + c.Kind);
        span?.SetTag("mera.import.kind", c.Kind);
        span?.SetTag("mera.import.dry_run", c.DryRun);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var outcomes = await RunOnceAsync(database, c, clock, ct);
        foreach (var outcome in outcomes)
        {
            Telemetry.Imports.Add(1, new("kind", c.Kind), new("outcome", outcome.Refused ? "refused" : c.DryRun ? "checked" : "loaded"));
        }
        Telemetry.ImportDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("kind", c.Kind));
        span?.SetTag("mera.import.files", outcomes.Count);
        span?.SetTag("mera.import.refused", outcomes.Count(o => o.Refused));
        return outcomes;
    }

    private static async Task<IReadOnlyList<FileOutcome>> RunOnceAsync(MeraDb database, Command c, TimeProvider clock, CancellationToken ct)
    {
        var name = c.DisplayName ?? Path.GetFileName(c.FilePath);
        var kind = ImportKinds.Get(c.Kind);
        if (kind.Code == ImportKinds.Template)
        {
            var result = await ImportTemplates.RunAsync(database, new ImportTemplates.Command(c.FilePath, c.User, c.OrgCode, c.PeriodCode,
                c.FormCode, c.DryRun, name, c.Writer), clock, ct);
            return result.Files.Select(f => new FileOutcome(f.File, f.Saved, f.Errors)).ToList();
        }
        try
        {
            var read = kind.ReadValues ?? throw new OperationRefusedException($"«{kind.TitleRu}» загружается своей командой, а не как значения");
            return [new FileOutcome(name, await read(database, c, name, clock, ct), [])];
        }
        catch (ImportRefusedException refused)
        {
            return [new FileOutcome(name, null, refused.Issues)];
        }
    }
}
