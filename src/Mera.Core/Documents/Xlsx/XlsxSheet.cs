using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace Mera.Core.Documents.Xlsx;

/// <summary>One worksheet being built; <see cref="Save"/> writes its parts in the order the schema requires.</summary>
public sealed class XlsxSheet(WorksheetPart part, string name)
{
    private readonly List<(C.ChartSpace Chart, int Column, uint Row, int Columns, int Rows)> _charts = [];
    private string? _autoFilter;
    private bool _landscape;
    private readonly SheetData _data = new();
    private readonly List<(int Column, double Width, bool Hidden)> _widths = [];
    private readonly List<string> _merged = [];
    private readonly List<DataValidation> _validations = [];
    private bool _protected;
    private int _freezeRows;
    private int _freezeColumns;
    private uint _row;

    public uint RowCount => _row;

    public string Name => name;

    /// <summary>Header rows repeated on every printed page (1-based, inclusive), written as the workbook's Print_Titles.</summary>
    public (uint First, uint Last)? PrintTitles { get; private set; }

    /// <summary>Leaves a blank row (spacing between blocks of a report).</summary>
    public void Skip() => _data.Append(new Row { RowIndex = ++_row });

    /// <summary>Appends a row; returns its 1-based number.</summary>
    public uint AddRow(params XlsxCell[] cells) => AddRow(null, cells);

    public uint AddRow(double? height, params XlsxCell[] cells)
    {
        var row = new Row { RowIndex = ++_row };
        if (height is double h)
        {
            row.Height = h;
            row.CustomHeight = true;
        }
        for (var i = 0; i < cells.Length; i++)
        {
            var c = cells[i];
            var cell = new Cell { CellReference = Reference(i, _row), StyleIndex = (uint)c.Style };
            if (c.Number is double n)
            {
                cell.CellValue = new CellValue(n);
                cell.DataType = CellValues.Number;
            }
            else if (c.Text is not null)
            {
                // Inline strings are text by construction: a value starting with «=» is never evaluated.
                cell.DataType = CellValues.InlineString;
                cell.InlineString = new InlineString(new Text(c.Text) { Space = SpaceProcessingModeValues.Preserve });
            }
            row.Append(cell);
        }
        _data.Append(row);
        return _row;
    }

    public XlsxSheet Width(int column, double width)
    {
        _widths.Add((column, width, false));
        return this;
    }

    /// <summary>A column the program reads but people need not see (element codes of a template).</summary>
    public XlsxSheet Hide(int column)
    {
        _widths.Add((column, 0, true));
        return this;
    }

    public XlsxSheet Merge(int fromColumn, uint fromRow, int toColumn, uint toRow)
    {
        _merged.Add($"{Reference(fromColumn, fromRow)}:{Reference(toColumn, toRow)}");
        return this;
    }

    public XlsxSheet FreezeRows(int rows, int columns = 0)
    {
        _freezeRows = rows;
        _freezeColumns = columns;
        return this;
    }

    public XlsxSheet Filter(int fromColumn, uint fromRow, int toColumn, uint toRow)
    {
        _autoFilter = $"{Reference(fromColumn, fromRow)}:{Reference(toColumn, toRow)}";
        FilterRange = $"'{name}'!${ColumnName(fromColumn)}${fromRow}:${ColumnName(toColumn)}${toRow}";
        return this;
    }

    /// <summary>The filtered range as an absolute reference (the workbook's hidden _FilterDatabase name).</summary>
    public string? FilterRange { get; private set; }

    public XlsxSheet Landscape()
    {
        _landscape = true;
        return this;
    }

    public XlsxSheet RepeatRows(uint first, uint last)
    {
        PrintTitles = (first, last);
        return this;
    }

    /// <summary>A native chart anchored at a cell and spanning the given number of columns and rows.</summary>
    public XlsxSheet Chart(C.ChartSpace chart, int column, uint row, int columns, int rows)
    {
        _charts.Add((chart, column, row, columns, rows));
        return this;
    }

    /// <summary>Locks every cell not styled as input, so labels and reference values cannot be typed over by mistake.</summary>
    public XlsxSheet Protect()
    {
        _protected = true;
        return this;
    }

    /// <summary>A whole/decimal number ≥ 0 or a 0/1 flag in one cell, with a Russian error message.</summary>
    public XlsxSheet Validate(int column, uint row, DataValidationValues type, string min, string? max, string message)
    {
        var v = new DataValidation
        {
            Type = type,
            Operator = max is null ? DataValidationOperatorValues.GreaterThanOrEqual : DataValidationOperatorValues.Between,
            AllowBlank = true, ShowErrorMessage = true, ShowInputMessage = true,
            ErrorTitle = "Недопустимое значение", Error = message, PromptTitle = "Значение", Prompt = message,
            SequenceOfReferences = new ListValue<StringValue> { InnerText = Reference(column, row) },
        };
        v.Append(new Formula1(min));
        if (max is not null)
        {
            v.Append(new Formula2(max));
        }
        _validations.Add(v);
        return this;
    }

    public void Save()
    {
        var worksheet = new Worksheet();
        // Fit to one page wide when printed: officials print forms and reports on A4.
        worksheet.Append(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        if (_freezeRows > 0)
        {
            var pane = new Pane
            {
                VerticalSplit = _freezeRows, TopLeftCell = Reference(_freezeColumns, (uint)_freezeRows + 1),
                ActivePane = _freezeColumns > 0 ? PaneValues.BottomRight : PaneValues.BottomLeft, State = PaneStateValues.Frozen,
            };
            if (_freezeColumns > 0)
            {
                pane.HorizontalSplit = _freezeColumns;
            }
            worksheet.Append(new SheetViews(new SheetView(pane) { WorkbookViewId = 0 }));
        }
        if (_widths.Count > 0)
        {
            worksheet.Append(new Columns(_widths.OrderBy(w => w.Column).Select(w =>
                new Column { Min = (uint)w.Column + 1, Max = (uint)w.Column + 1, Width = w.Hidden ? 8 : w.Width, CustomWidth = true, Hidden = w.Hidden ? true : null })));
        }
        worksheet.Append(_data);
        if (_protected)
        {
            worksheet.Append(new SheetProtection { Sheet = true, Objects = true, Scenarios = true, FormatColumns = false, FormatRows = false });
        }
        if (_autoFilter is not null)
        {
            worksheet.Append(new AutoFilter { Reference = _autoFilter });
        }
        if (_merged.Count > 0)
        {
            worksheet.Append(new MergeCells(_merged.Select(m => new MergeCell { Reference = m })) { Count = (uint)_merged.Count });
        }
        if (_validations.Count > 0)
        {
            worksheet.Append(new DataValidations(_validations) { Count = (uint)_validations.Count });
        }
        worksheet.Append(new PageMargins { Left = 0.6, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
        worksheet.Append(new PageSetup
        {
            // A very wide table prints across several A4 pages rather than shrunk to an unreadable one.
            PaperSize = 9, Orientation = _landscape ? OrientationValues.Landscape : OrientationValues.Portrait,
            FitToWidth = (uint)Math.Max(1, Math.Ceiling(_widths.Sum(w => w.Hidden ? 0 : w.Width) / 250)), FitToHeight = 0,
        });
        if (_charts.Count > 0)
        {
            worksheet.Append(new Drawing { Id = part.GetIdOfPart(Drawings()) });
        }
        part.Worksheet = worksheet;
        part.Worksheet.Save();
    }

    private DrawingsPart Drawings()
    {
        var drawings = part.AddNewPart<DrawingsPart>();
        var anchors = new Xdr.WorksheetDrawing();
        uint id = 2;
        foreach (var (chart, column, row, columns, rows) in _charts)
        {
            var chartPart = drawings.AddNewPart<ChartPart>();
            chartPart.ChartSpace = chart;
            anchors.Append(new Xdr.TwoCellAnchor(
                new Xdr.FromMarker(new Xdr.ColumnId(column.ToString()), new Xdr.ColumnOffset("0"), new Xdr.RowId((row - 1).ToString()), new Xdr.RowOffset("0")),
                new Xdr.ToMarker(new Xdr.ColumnId((column + columns).ToString()), new Xdr.ColumnOffset("0"), new Xdr.RowId((row - 1 + rows).ToString()), new Xdr.RowOffset("0")),
                new Xdr.GraphicFrame(
                    new Xdr.NonVisualGraphicFrameProperties(new Xdr.NonVisualDrawingProperties { Id = id, Name = $"Диаграмма {id - 1}" }, new Xdr.NonVisualGraphicFrameDrawingProperties()),
                    new Xdr.Transform(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = 0, Cy = 0 }),
                    new A.Graphic(new A.GraphicData(new C.ChartReference { Id = drawings.GetIdOfPart(chartPart) })
                    { Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart" })) { Macro = "" },
                new Xdr.ClientData()));
            id++;
        }
        drawings.WorksheetDrawing = anchors;
        return drawings;
    }

    public static string Reference(int column, uint row) => ColumnName(column) + row;

    public static string ColumnName(int column)
    {
        var name = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26)
        {
            name = (char)('A' + (c - 1) % 26) + name;
        }
        return name;
    }
}
