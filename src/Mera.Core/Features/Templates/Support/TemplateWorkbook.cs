using DocumentFormat.OpenXml.Spreadsheet;
using Mera.Core.Domain;
using Mera.Core.Formatting;
using Mera.Core.Reading.Templates;
using Mera.Core.Documents.Xlsx;

namespace Mera.Core.Features.Templates;

/// <summary>
/// The template's layout: a heading with the school, period and deadline, instructions, a table of the form's
/// elements with last period's values for reference and yellow input cells (validated, the rest locked), and
/// the hidden service sheet that routes the filled file back to its school, form and period.
/// </summary>
internal static class TemplateWorkbook
{
    public sealed record Content(Form Form, Period Period, OrgUnit School, IReadOnlyList<DataElement> Elements,
        IReadOnlyDictionary<string, double> Current, IReadOnlyDictionary<string, double> Previous);

    public const int ValueColumn = 5;

    private static void Line(XlsxSheet sheet, string label, string value)
    {
        var row = sheet.AddRow(XlsxCell.Of($"{label} {value}", XlsxStyle.Bold));
        sheet.Merge(0, row, 5, row);
    }

    public static void Write(Stream output, Content c)
    {
        using var workbook = new XlsxWriter(output);
        var sheet = workbook.AddSheet(MeraTemplate.FormSheet);
        // Column B holds the element codes the import reads back; people see №, name, unit and the values.
        sheet.Width(0, 5).Hide(1).Width(2, 62).Width(3, 11).Width(4, 17).Width(5, 16);
        var title = sheet.AddRow(36, XlsxCell.Of($"Форма «{c.Form.Name}»", XlsxStyle.Title));
        sheet.Merge(0, title, 5, title);
        Line(sheet, "Организация:", c.School.Name);
        Line(sheet, "ИНН:", $"{c.School.Inn ?? "—"}   (код в Mera: {c.School.Code})");
        Line(sheet, "Период:", c.Period.DisplayRu);
        Line(sheet, "Срок:", $"до {RussianFormat.Date(c.Form.DeadlineOf(c.Period))} включительно");
        var help = sheet.AddRow(60, XlsxCell.Of(
            "Заполните жёлтые ячейки столбца «Значение» целыми числами (для признаков: 1 — да, 0 — нет). " +
            "Остальные ячейки и служебный лист не изменяйте. Сохраните файл в формате XLSX и отправьте его в отдел " +
            "образования или загрузите в Mera в разделе «Мои формы».", XlsxStyle.Wrapped));
        sheet.Merge(0, help, 5, help);
        var header = sheet.AddRow(32, XlsxCell.Of("№", XlsxStyle.Header), XlsxCell.Of(MeraTemplate.CodeHeader, XlsxStyle.Header),
            XlsxCell.Of("Наименование подпоказателя", XlsxStyle.Header), XlsxCell.Of("Единица измерения", XlsxStyle.Header),
            XlsxCell.Of($"Для сверки: {c.Period.Previous().DisplayRu}", XlsxStyle.Header), XlsxCell.Of(MeraTemplate.ValueHeader, XlsxStyle.Header));
        sheet.FreezeRows((int)header);
        var number = 0;
        foreach (var e in c.Elements)
        {
            // Spreadsheet programs do not grow rows for wrapped text on opening: size them for the name.
            var row = sheet.AddRow(15.0 * Math.Max(1, Math.Ceiling(e.Name.Length / 62.0)),
                XlsxCell.Of((++number).ToString(), XlsxStyle.Label), XlsxCell.Of(e.Code, XlsxStyle.Label), XlsxCell.Of(e.Name, XlsxStyle.Label),
                XlsxCell.Of(e.Unit, XlsxStyle.Label),
                c.Previous.TryGetValue(e.Code, out var prev) ? XlsxCell.Of(prev, XlsxStyle.Reference) : XlsxCell.Of("", XlsxStyle.Reference),
                c.Current.TryGetValue(e.Code, out var cur) ? XlsxCell.Of(cur, XlsxStyle.Input) : XlsxCell.Of((double?)null, XlsxStyle.Input));
            _ = e.ValueType switch
            {
                ElementValueType.Flag => sheet.Validate(ValueColumn, row, DataValidationValues.Whole, "0", "1", "Укажите 1 (да) или 0 (нет)"),
                ElementValueType.Decimal => sheet.Validate(ValueColumn, row, DataValidationValues.Decimal, "0", null, $"Число не меньше 0 ({e.Unit})"),
                _ => sheet.Validate(ValueColumn, row, DataValidationValues.Whole, "0", null, $"Целое число не меньше 0 ({e.Unit})"),
            };
        }
        sheet.AddRow();
        sheet.AddRow(XlsxCell.Of(""), XlsxCell.Of(""), XlsxCell.Of("Ответственное лицо: ____________________   Телефон: ______________"));
        sheet.Protect();
        sheet.Save();

        var service = workbook.AddSheet(MeraTemplate.ServiceSheet, SheetStateValues.VeryHidden);
        var template = new MeraTemplate(c.School.Code, c.Form.Code, c.Period.Code, c.Elements.Select(e => e.Code).ToList());
        foreach (var (key, value) in template.ServiceRows())
        {
            service.AddRow(XlsxCell.Of(key), XlsxCell.Of(value));
        }
        service.Protect();
        service.Save();
    }
}
