using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Values;
using Mera.Core.Reading;

namespace Mera.Core.Features.Imports;

/// <summary>
/// The tail of every file import (platform exports, templates, the school form, values, the demo): what a reader read is
/// written through <see cref="ValueWrite"/> as one import batch — the file's name and SHA-256, its period and org, its
/// rows read and skipped — which the journal lists and «Отменить» undoes.
/// </summary>
public static class SaveImportBatch
{
    public sealed record Request(string Kind, string FileName, string Sha256, string? PeriodCode, string? OrgCode,
        IReadOnlyList<ValueRecord> Records, IReadOnlyList<ImportIssue> Issues, int RowsRead, int Skipped, bool DryRun,
        string User, ValueSource Source = ValueSource.Import)
    {
        public IReadOnlyList<string> Notes { get; init; } = [];
        public Func<string, string?>? ColumnOf { get; init; }
        public string? Sheet { get; init; }

        /// <summary>Who imports, for <see cref="WriteGate"/>: by default the machine's operator (the CLI), or the demo.</summary>
        public Writer? Writer { get; init; }
    }

    public static Task<ValueWrite.Result> RunAsync(MeraDb database, Request request, TimeProvider clock, CancellationToken ct = default)
    {
        var writer = request.Writer
            ?? Writer.Operator(request.User, request.Source == ValueSource.Demo ? WriteChannel.Demo : WriteChannel.Import);
        var file = new ValueWrite.FromFile(request.Kind, request.FileName, request.Sha256, request.PeriodCode, request.OrgCode,
            request.RowsRead, request.Skipped);
        return ValueWrite.RunAsync(database, new ValueWrite.Request(file, request.Records, request.Issues, writer, request.Source,
            request.DryRun)
        {
            Notes = request.Notes, ColumnOf = request.ColumnOf, Sheet = request.Sheet,
        }, clock, ct);
    }
}
