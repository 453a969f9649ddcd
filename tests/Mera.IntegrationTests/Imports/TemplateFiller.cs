using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Mera.IntegrationTests.Imports;

/// <summary>Plays the school: types values into a template's «Значение» cells (found by the element code in column B).</summary>
public static class TemplateFiller
{
    public static void Fill(string path, IReadOnlyDictionary<string, string> values, string? sheetName = "Форма")
    {
        using var document = SpreadsheetDocument.Open(path, isEditable: true);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Descendants<Sheet>().Single(s => s.Name == sheetName);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        foreach (var row in part.Worksheet.Descendants<Row>())
        {
            var cells = row.Elements<Cell>().ToList();
            var code = cells.FirstOrDefault(c => c.CellReference!.Value!.StartsWith('B'))?.InnerText;
            if (code is null || !values.TryGetValue(code, out var value))
            {
                continue;
            }
            var target = cells.Single(c => c.CellReference!.Value!.StartsWith('F'));
            target.RemoveAllChildren();
            if (double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var number))
            {
                target.DataType = CellValues.Number;
                target.CellValue = new CellValue(number);
            }
            else
            {
                target.DataType = CellValues.InlineString;
                target.InlineString = new InlineString(new Text(value));
            }
        }
        part.Worksheet.Save();
    }

    /// <summary>Someone «fixes» the hidden sheet by hand: puts another school's code there.</summary>
    public static void Tamper(string path, string key, string value)
    {
        using var document = SpreadsheetDocument.Open(path, isEditable: true);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Descendants<Sheet>().Single(s => s.Name == "mera");
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        var row = part.Worksheet.Descendants<Row>().Single(r => r.Elements<Cell>().First().InnerText == key);
        var cell = row.Elements<Cell>().ElementAt(1);
        cell.RemoveAllChildren();
        cell.InlineString = new InlineString(new Text(value));
        part.Worksheet.Save();
    }
}
