using System.Text.RegularExpressions;
using Mera.Core.Data;
using Mera.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Catalog;

/// <summary>
/// `./mera catalog form add`: a region's own form (issue 20) — its elements, period type, deadline rule, who fills it
/// and who receives it. Elements must exist and be collected for the form's period type; the deadline rule is checked
/// as on «Методика». A school's form then appears in «Мои формы», templates and reminders like a built-in one.
/// </summary>
public static partial class AddForm
{
    public sealed record Command(string Code, string Name, PeriodType PeriodType, string DeadlineRule, IReadOnlyList<string> Elements,
        string Supplier, string Receiver, string? ReminderDays, string User);

    public static async Task RunAsync(MeraDb database, Command c, TimeProvider clock, CancellationToken ct = default)
    {
        var code = c.Code.Trim();
        if (!FormCodeRegex().IsMatch(code))
        {
            throw new OperationRefusedException($"Форма: код «{code}» должен состоять из латинских строчных букв, цифр, «-» и «.», например «region-parents»");
        }
        var name = CatalogEdit.RequiredName(c.Name, $"Форма {code}");
        if ((c.Supplier, c.Receiver) is not (("school", "municipality") or ("municipality", "municipality") or ("municipality", "region")))
        {
            throw new OperationRefusedException($"Форма {code}: заполняет school или municipality, получает municipality или region (школа сдаёт муниципалитету, муниципалитет — себе или региону)");
        }
        string rule;
        try
        {
            rule = DeadlineRule.Parse(c.DeadlineRule).Text;
        }
        catch (FormatException ex)
        {
            throw new OperationRefusedException($"Форма {code}: {ex.Message}");
        }
        var days = EditForm.ReminderDays(c.ReminderDays ?? "5,1", code);
        await using var db = database.CreateContext();
        if (await db.Forms.AnyAsync(f => f.Code == code, ct))
        {
            throw new OperationRefusedException($"Код «{code}» уже есть в каталоге: выберите другой");
        }
        var codes = c.Elements.Select(e => e.Trim()).Where(e => e.Length > 0).Distinct().ToList();
        if (codes.Count == 0)
        {
            throw new OperationRefusedException($"Форма {code}: укажите подпоказатели формы");
        }
        var elements = await db.DataElements.AsNoTracking().Where(e => codes.Contains(e.Code)).ToDictionaryAsync(e => e.Code, ct);
        var problems = codes.Where(e => !elements.ContainsKey(e)).Select(e => $"подпоказателя «{e}» нет в каталоге")
            .Concat(elements.Values.Where(e => e.PeriodType != c.PeriodType)
                .Select(e => $"«{e.Name}» собирается за период «{PeriodTypeNames.ToRussian(e.PeriodType)}», а форма — за «{PeriodTypeNames.ToRussian(c.PeriodType)}»"))
            .ToList();
        if (problems.Count > 0)
        {
            throw new OperationRefusedException($"Форма {code}: {string.Join("; ", problems)}");
        }
        var form = new Form
        {
            Code = code, Name = name, PeriodType = c.PeriodType, DeadlineRule = rule, Supplier = c.Supplier, Receiver = c.Receiver,
            ElementCodes = string.Join(',', codes), ReminderDays = days,
        };
        db.Forms.Add(form);
        CatalogEdit.Record(db, clock, c.User, form, "catalog.form.add", "form", code, "(нет)",
            $"{name}; {PeriodTypeNames.ToRussian(c.PeriodType)}; срок {rule}; подпоказатели {form.ElementCodes}");
        await db.SaveChangesAsync(ct);
    }

    [GeneratedRegex(@"^[a-z][a-z0-9\-]*(\.[a-z0-9\-_]+)*$")]
    private static partial Regex FormCodeRegex();
}
