using System.Globalization;
using Mera.Core.Data;
using Mera.Core.Features.Indicators;
using Mera.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Catalog;

/// <summary>
/// An admin renames a form, changes its deadline rule (checked by <see cref="DeadlineRule.Parse"/>) and the days
/// before the deadline on which schools are reminded. Deadlines are computed from the rule, never stored, so the
/// new rule applies to every period at once, including the lateness shown for past ones.
/// </summary>
public static class EditForm
{
    /// <summary>A null name, rule or reminder days keeps the form's current one (the CLI changes only what it is given).</summary>
    public sealed record Command(string Code, string? Name, string? DeadlineRule, string? ReminderDays, string User);

    public const int MaxReminderDay = 60;

    public static async Task RunAsync(MeraDb database, Command c, TimeProvider clock, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var form = await db.Forms.SingleOrDefaultAsync(f => f.Code == c.Code, ct)
            ?? throw new NotFoundException($"Форма «{c.Code}» не найдена");
        var name = CatalogEdit.RequiredName(c.Name ?? form.Name, $"Форма {c.Code}");
        string rule;
        try
        {
            rule = Domain.DeadlineRule.Parse(c.DeadlineRule ?? form.DeadlineRule).Text;
        }
        catch (FormatException ex)
        {
            throw new OperationRefusedException($"Форма {c.Code}: {ex.Message}");
        }
        var days = ReminderDays(c.ReminderDays ?? form.ReminderDays, c.Code);
        if (name == form.Name && rule == form.DeadlineRule && days == form.ReminderDays)
        {
            return;
        }
        CatalogEdit.Record(db, clock, c.User, form, "catalog.form", "form", c.Code,
            $"{form.Name}; срок {form.DeadlineRule}; напоминания {form.ReminderDays}", $"{name}; срок {rule}; напоминания {days}");
        form.Name = name;
        form.DeadlineRule = rule;
        form.ReminderDays = days;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>"5, 1" → "5,1": distinct whole days, largest first; empty means no reminders before the deadline.</summary>
    internal static string ReminderDays(string? text, string form)
    {
        var parts = (text ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var days = new SortedSet<int>(Comparer<int>.Create((a, b) => b.CompareTo(a)));
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var day) || day > MaxReminderDay)
            {
                throw new OperationRefusedException(
                    $"Форма {form}: «{part}» — не число дней до срока (ожидаются целые числа от 0 до {MaxReminderDay} через запятую)");
            }
            days.Add(day);
        }
        return string.Join(",", days);
    }
}
