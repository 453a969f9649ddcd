using Mera.Core.Data;
using Mera.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Catalog;

/// <summary>The catalog as the admin edits it: elements, indicators with every formula version, forms with their deadlines.</summary>
public static class ListCatalog
{
    public sealed record ElementItem(string Code, string Name, string Unit, PeriodType PeriodType, string Supplier, string? EditedBy, DateTimeOffset? EditedAt);

    public sealed record FormulaItem(DateOnly EffectiveFrom, string Numerator, string? Denominator);

    public sealed record IndicatorItem(string Code, string Name, string GroupName, IndicatorKind Kind, IReadOnlyList<FormulaItem> Formulas,
        string? EditedBy, DateTimeOffset? EditedAt);

    public sealed record FormItem(string Code, string Name, PeriodType PeriodType, string DeadlineRule, string DeadlineRu, string ReminderDays,
        int ElementCount, string? EditedBy, DateTimeOffset? EditedAt);

    public sealed record Result(IReadOnlyList<ElementItem> Elements, IReadOnlyList<IndicatorItem> Indicators, IReadOnlyList<FormItem> Forms);

    public static async Task<Result> RunAsync(MeraDb database, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var elements = await db.DataElements.AsNoTracking().OrderBy(e => e.Code).ToListAsync(ct);
        var indicators = await db.Indicators.AsNoTracking().Include(i => i.Formulas).OrderBy(i => i.SortOrder).ThenBy(i => i.Code).ToListAsync(ct);
        var forms = await db.Forms.AsNoTracking().OrderBy(f => f.Code).ToListAsync(ct);
        return new Result(
            elements.Select(e => new ElementItem(e.Code, e.Name, e.Unit, e.PeriodType, e.Supplier, e.EditedBy, e.EditedAt)).ToList(),
            indicators.Select(i => new IndicatorItem(i.Code, i.Name, i.GroupName, i.Kind,
                i.Formulas.OrderByDescending(f => f.EffectiveFrom).Select(f => new FormulaItem(f.EffectiveFrom, f.Numerator, f.Denominator)).ToList(),
                i.EditedBy, i.EditedAt)).ToList(),
            forms.Select(f => new FormItem(f.Code, f.Name, f.PeriodType, f.DeadlineRule, DeadlineText(f.DeadlineRule), f.ReminderDays,
                f.Elements.Count, f.EditedBy, f.EditedAt)).ToList());
    }

    private static string DeadlineText(string rule)
    {
        try
        {
            return Domain.DeadlineRule.Parse(rule).DisplayRu;
        }
        catch (FormatException ex)
        {
            return ex.Message;
        }
    }
}
