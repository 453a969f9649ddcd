namespace Mera.Core.Documents;

/// <summary>
/// A report as content, independent of its file format: the same document is written as XLSX, DOCX, CSV or PDF,
/// so every format shows the same numbers.
/// </summary>
public sealed record ReportDocument(string FileName, ReportHeader Header, IReadOnlyList<ReportBlock> Blocks, bool Landscape = false)
{
    /// <summary>The table a CSV export holds: the first one marked main, or the first table.</summary>
    public ReportTable? MainTable =>
        Blocks.OfType<ReportTable>().FirstOrDefault(t => t.IsMain) ?? Blocks.OfType<ReportTable>().FirstOrDefault();

    /// <summary>
    /// What a page shows when it differs from the spreadsheet: a table too wide for A4 (a school per row and five
    /// columns per indicator) is printed as one table per indicator, with the same numbers. Null: print `Blocks`.
    /// </summary>
    public IReadOnlyList<ReportBlock>? PrintBlocks { get; init; }

    public IReadOnlyList<ReportBlock> PageBlocks => PrintBlocks ?? Blocks;
}

/// <summary>The document header the seeds open with: the body, the title, the period, the date and the executor.</summary>
public sealed record ReportHeader(string Body, string? Parent, string Title, string Subtitle, DateOnly Date, string Executor);

public abstract record ReportBlock;

public sealed record ReportHeading(string Text) : ReportBlock;

public sealed record ReportParagraph(string Text, bool Bold = false, bool Italic = false) : ReportBlock;

public enum ValueFormat { Text, Integer, Decimal, Percent }

public enum RowMark { Normal, Lagging, Total, Section }

/// <summary>One cell: text, or a number shown with its format (a percentage is stored as 17.6, shown «17,6 %»).</summary>
public readonly record struct ReportValue(string? Text, double? Number, ValueFormat Format)
{
    public static ReportValue Of(string? text) => new(text, null, ValueFormat.Text);

    /// <summary>No organisation reported: said in words, never printed as 0 or a bare dash.</summary>
    public static readonly ReportValue Missing = new("нет данных", null, ValueFormat.Text);

    /// <summary>A whole decimal shows as a count («1 500», not «1 500,0»).</summary>
    public static ReportValue Of(double? number, ValueFormat format) =>
        new(null, number, format == ValueFormat.Decimal && number is double n && n == Math.Floor(n) ? ValueFormat.Integer : format);

    public static ReportValue Count(double? number) => new(null, number, ValueFormat.Integer);

    public static ReportValue Percent(double? number) => new(null, number, ValueFormat.Percent);

    /// <summary>A percentage indicator shows «17,6 %»; a number indicator shows its count.</summary>
    public static ReportValue OfUnit(double? number, string unit) => Of(number, unit == "%" ? ValueFormat.Percent : ValueFormat.Decimal);

    /// <summary>A computed value: «нет данных» when nobody reported.</summary>
    public static ReportValue Fact(double? number, string unit) => number is null ? Missing : OfUnit(number, unit);

    public bool IsNumber => Format != ValueFormat.Text;
}

public sealed record ReportColumn(string Title, ValueFormat Format, double Width);

public sealed record ReportRow(IReadOnlyList<ReportValue> Cells, RowMark Mark = RowMark.Normal);

/// <summary>A table; `IsMain` marks the one that gets a filter, a frozen header and the CSV export.</summary>
public sealed record ReportTable(string Name, IReadOnlyList<ReportColumn> Columns, IReadOnlyList<ReportRow> Rows, bool IsMain = false) : ReportBlock;

public enum ChartKind { Columns, Lines }

/// <summary>A series drawn as columns or, when `AsLine`, as a line over them (the plan line).</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double?> Values, bool AsLine = false);

public sealed record ReportChart(string Title, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series, ChartKind Kind, string NumberFormat = "0")
    : ReportBlock;
