using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Mera.Core.Documents.Xlsx;

/// <summary>The cell styles every Mera workbook shares (indexes into the stylesheet of <see cref="XlsxStyles"/>).</summary>
public enum XlsxStyle : uint
{
    Normal = 0, Title = 1, Header = 2, Label = 3, Input = 4, Reference = 5, Wrapped = 6, Number = 7, Percent = 8, Bold = 9,
    Integer = 10, LaggingLabel = 11, LaggingNumber = 12, LaggingPercent = 13, LaggingInteger = 14,
    TotalLabel = 15, TotalNumber = 16, TotalPercent = 17, TotalInteger = 18, Section = 19, Subtitle = 20,
}

/// <summary>A cell to write: text is always stored as text (never a formula), numbers as numbers.</summary>
public readonly record struct XlsxCell(string? Text, double? Number, XlsxStyle Style)
{
    public static XlsxCell Of(string? text, XlsxStyle style = XlsxStyle.Normal) => new(text, null, style);

    public static XlsxCell Of(double? number, XlsxStyle style = XlsxStyle.Number) => new(null, number, style);
}

/// <summary>
/// A small streaming-free XLSX builder on OpenXml: sheets of rows, column widths, merged cells, protection, data
/// validation and hidden sheets — what templates and reports need, and files LibreOffice and Excel open.
/// </summary>
public sealed class XlsxWriter : IDisposable
{
    private readonly SpreadsheetDocument _document;
    private readonly Sheets _sheets;
    private readonly List<XlsxSheet> _added = [];
    private uint _nextSheetId = 1;

    public XlsxWriter(Stream output)
    {
        _document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = _document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        _sheets = workbook.Workbook.AppendChild(new Sheets());
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = XlsxStyles.Create();
    }

    public XlsxSheet AddSheet(string name, SheetStateValues? state = null)
    {
        var part = _document.WorkbookPart!.AddNewPart<WorksheetPart>();
        var sheet = new Sheet { Id = _document.WorkbookPart.GetIdOfPart(part), SheetId = _nextSheetId++, Name = name };
        if (state is not null)
        {
            sheet.State = state;
        }
        _sheets.Append(sheet);
        var added = new XlsxSheet(part, name);
        _added.Add(added);
        return added;
    }

    public void Dispose()
    {
        // Print titles are workbook-level defined names: the header row repeats on every printed page.
        var titles = _added.Select((s, i) => (s, i)).Where(x => x.s.PrintTitles is not null).Select(x => new DefinedName(
            $"'{x.s.Name}'!${x.s.PrintTitles!.Value.First}:${x.s.PrintTitles.Value.Last}") { Name = "_xlnm.Print_Titles", LocalSheetId = (uint)x.i }).ToList();
        titles.AddRange(_added.Select((s, i) => (s, i)).Where(x => x.s.FilterRange is not null).Select(x =>
            new DefinedName(x.s.FilterRange!) { Name = "_xlnm._FilterDatabase", LocalSheetId = (uint)x.i, Hidden = true }));
        if (titles.Count > 0)
        {
            _document.WorkbookPart!.Workbook.Append(new DefinedNames(titles));
        }
        _document.WorkbookPart!.Workbook.Save();
        _document.Dispose();
    }
}
