using Mera.Core.Data;
using Mera.Core.Features.Values;
using Mera.Core.Reading;

namespace Mera.Core.Features.Imports;

/// <summary>
/// `./mera import template FILE|DIR|ZIP`: filled Mera templates, one or many (a folder or a ZIP of e-mail
/// attachments). Each file goes to the school written on its service sheet and is accepted or refused on its
/// own, so one bad attachment does not hold back the other schools.
/// </summary>
public static class ImportTemplates
{
    public sealed record Command(string Path, string User, string? OrgCode = null, string? PeriodCode = null,
        string? FormCode = null, bool DryRun = false, string? DisplayName = null, Writer? Writer = null);

    public sealed record FileResult(string File, ValueWrite.Result? Saved, IReadOnlyList<ImportIssue> Errors)
    {
        public bool Refused => Saved is null;
    }

    public sealed record Result(IReadOnlyList<FileResult> Files)
    {
        public int Refused => Files.Count(f => f.Refused);
    }

    public static async Task<Result> RunAsync(MeraDb database, Command command, TimeProvider clock, CancellationToken ct = default)
    {
        TemplateInputs expanded;
        try
        {
            expanded = TemplateInputs.Expand(command.Path, command.DisplayName);
        }
        catch (ImportRefusedException refused)
        {
            return new Result([new FileResult(command.DisplayName ?? Path.GetFileName(command.Path), null, refused.Issues)]);
        }
        using var inputs = expanded;
        var results = new List<FileResult>();
        foreach (var (name, path) in inputs.Files)
        {
            try
            {
                var saved = await ImportTemplateFile.RunAsync(database, new ImportTemplateFile.Command(path, name, command.User,
                    command.OrgCode, command.PeriodCode, command.FormCode, command.DryRun, command.Writer), clock, ct);
                results.Add(new FileResult(name, saved, []));
            }
            catch (ImportRefusedException refused)
            {
                results.Add(new FileResult(name, null, refused.Issues));
            }
        }
        foreach (var skipped in inputs.Skipped)
        {
            results.Add(new FileResult(skipped, null, [new ImportIssue(IssueSeverity.Error, skipped, null, null,
                "не файл XLSX: шаблоны Mera принимаются только в формате XLSX")]));
        }
        if (results.Count == 0)
        {
            throw ImportRefusedException.Of(command.DisplayName ?? Path.GetFileName(command.Path), "не найдено ни одного файла XLSX");
        }
        return new Result(results);
    }
}
