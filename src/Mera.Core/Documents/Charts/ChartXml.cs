using DocumentFormat.OpenXml;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace Mera.Core.Documents.Charts;

/// <summary>
/// A native DrawingML chart for XLSX and DOCX: columns with an optional plan line, or lines. Each series carries
/// its cached values (what LibreOffice and Word draw) and a reference to the cells it came from (`sheet`: the
/// category names in column A, series in B, C … from row 2).
/// </summary>
internal static class ChartXml
{
    private static readonly string[] Palette = ["2F6DB5", "E07B39", "3A9D5D", "8E5BB5", "C94C4C", "5B8E9E"];
    private const string PlanColor = "C0392B";

    public static C.ChartSpace Build(ReportChart chart, string sheet)
    {
        var space = new C.ChartSpace();
        space.AddNamespaceDeclaration("a", "http://schemas.openxmlformats.org/drawingml/2006/main");
        space.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        space.Append(new C.EditingLanguage { Val = "ru-RU" }, new C.RoundedCorners { Val = false });

        var plot = new C.PlotArea(new C.Layout());
        var columns = chart.Series.Select((s, i) => (s, i)).Where(x => chart.Kind == ChartKind.Columns && !x.s.AsLine).ToList();
        var lines = chart.Series.Select((s, i) => (s, i)).Where(x => chart.Kind == ChartKind.Lines || x.s.AsLine).ToList();
        if (columns.Count > 0)
        {
            var bar = new C.BarChart(new C.BarDirection { Val = C.BarDirectionValues.Column },
                new C.BarGrouping { Val = C.BarGroupingValues.Clustered }, new C.VaryColors { Val = false });
            foreach (var (s, i) in columns)
            {
                bar.Append(new C.BarChartSeries(new C.Index { Val = (uint)i }, new C.Order { Val = (uint)i },
                    Name(s, i, sheet), Fill(Palette[i % Palette.Length]), new C.InvertIfNegative { Val = false },
                    Categories(chart, sheet), Values(chart, s, i, sheet)));
            }
            bar.Append(new C.GapWidth { Val = 60 }, new C.AxisId { Val = 1 }, new C.AxisId { Val = 2 });
            plot.Append(bar);
        }
        if (lines.Count > 0)
        {
            var line = new C.LineChart(new C.Grouping { Val = C.GroupingValues.Standard }, new C.VaryColors { Val = false });
            foreach (var (s, i) in lines)
            {
                var color = s.AsLine ? PlanColor : Palette[i % Palette.Length];
                line.Append(new C.LineChartSeries(new C.Index { Val = (uint)i }, new C.Order { Val = (uint)i },
                    Name(s, i, sheet), Stroke(color, s.AsLine),
                    new C.Marker(new C.Symbol { Val = s.AsLine ? C.MarkerStyleValues.None : C.MarkerStyleValues.Circle }),
                    Categories(chart, sheet), Values(chart, s, i, sheet), new C.Smooth { Val = false }));
            }
            line.Append(new C.ShowMarker { Val = true }, new C.AxisId { Val = 1 }, new C.AxisId { Val = 2 });
            plot.Append(line);
        }
        plot.Append(CategoryAxis(), ValueAxis(chart.NumberFormat));

        space.Append(new C.Chart(
            Title(chart.Title),
            new C.AutoTitleDeleted { Val = false },
            plot,
            new C.Legend(new C.LegendPosition { Val = C.LegendPositionValues.Bottom }, new C.Overlay { Val = false }),
            new C.PlotVisibleOnly { Val = true },
            new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap }));
        return space;
    }

    private static C.Title Title(string text) => new(
        new C.ChartText(new C.RichText(new A.BodyProperties(), new A.ListStyle(),
            new A.Paragraph(new A.ParagraphProperties(new A.DefaultRunProperties { FontSize = 1200, Bold = true }),
                new A.Run(new A.RunProperties { Language = "ru-RU", FontSize = 1200, Bold = true }, new A.Text(text))))),
        new C.Overlay { Val = false });

    private static C.SeriesText Name(ChartSeries s, int i, string sheet) => new(new C.StringReference(
        new C.Formula(Cell(sheet, i + 1, 1)),
        new C.StringCache(new C.PointCount { Val = 1 }, new C.StringPoint(new C.NumericValue(s.Name)) { Index = 0 })));

    private static C.CategoryAxisData Categories(ReportChart chart, string sheet)
    {
        var cache = new C.StringCache(new C.PointCount { Val = (uint)chart.Categories.Count });
        for (var p = 0; p < chart.Categories.Count; p++)
        {
            cache.Append(new C.StringPoint(new C.NumericValue(chart.Categories[p])) { Index = (uint)p });
        }
        return new C.CategoryAxisData(new C.StringReference(new C.Formula(Range(sheet, 0, chart.Categories.Count)), cache));
    }

    private static C.Values Values(ReportChart chart, ChartSeries s, int i, string sheet)
    {
        var cache = new C.NumberingCache(new C.FormatCode(chart.NumberFormat), new C.PointCount { Val = (uint)s.Values.Count });
        for (var p = 0; p < s.Values.Count; p++)
        {
            if (s.Values[p] is double v)
            {
                cache.Append(new C.NumericPoint(new C.NumericValue(v.ToString("R", System.Globalization.CultureInfo.InvariantCulture))) { Index = (uint)p });
            }
        }
        return new C.Values(new C.NumberReference(new C.Formula(Range(sheet, i + 1, s.Values.Count)), cache));
    }

    private static C.ChartShapeProperties Fill(string rgb) =>
        new(new A.SolidFill(new A.RgbColorModelHex { Val = rgb }));

    private static C.ChartShapeProperties Stroke(string rgb, bool dashed)
    {
        var outline = new A.Outline(new A.SolidFill(new A.RgbColorModelHex { Val = rgb })) { Width = 28575 };
        if (dashed)
        {
            outline.Append(new A.PresetDash { Val = A.PresetLineDashValues.Dash });
        }
        return new C.ChartShapeProperties(outline);
    }

    private static C.CategoryAxis CategoryAxis() => new(
        new C.AxisId { Val = 1 },
        new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
        new C.Delete { Val = false },
        new C.AxisPosition { Val = C.AxisPositionValues.Bottom },
        new C.NumberingFormat { FormatCode = "General", SourceLinked = false },
        new C.MajorTickMark { Val = C.TickMarkValues.Outside },
        new C.MinorTickMark { Val = C.TickMarkValues.None },
        new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
        new C.CrossingAxis { Val = 2 },
        new C.Crosses { Val = C.CrossesValues.AutoZero },
        new C.AutoLabeled { Val = true },
        new C.LabelAlignment { Val = C.LabelAlignmentValues.Center },
        new C.LabelOffset { Val = 100 },
        new C.NoMultiLevelLabels { Val = false });

    private static C.ValueAxis ValueAxis(string format) => new(
        new C.AxisId { Val = 2 },
        new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
        new C.Delete { Val = false },
        new C.AxisPosition { Val = C.AxisPositionValues.Left },
        new C.MajorGridlines(new C.ChartShapeProperties(new A.Outline(new A.SolidFill(new A.RgbColorModelHex { Val = "D9D9D9" })))),
        new C.NumberingFormat { FormatCode = format, SourceLinked = false },
        new C.MajorTickMark { Val = C.TickMarkValues.Outside },
        new C.MinorTickMark { Val = C.TickMarkValues.None },
        new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
        new C.CrossingAxis { Val = 1 },
        new C.Crosses { Val = C.CrossesValues.AutoZero },
        new C.CrossBetween { Val = C.CrossBetweenValues.Between });

    /// <summary>'Sheet'!$B$1 — column 0 is the categories, series i sits in column i.</summary>
    private static string Cell(string sheet, int column, int row) =>
        $"'{sheet}'!${Xlsx.XlsxSheet.ColumnName(column)}${row}";

    private static string Range(string sheet, int column, int count) =>
        $"{Cell(sheet, column, 2)}:${Xlsx.XlsxSheet.ColumnName(column)}${count + 1}";
}
