using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Access;
using Mera.Core.Reading;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Values;

/// <summary>
/// Values written through the API: the same parsing and consistency rules as forms and imports, each org checked
/// against the caller's rights; all-or-nothing, and problems come back by item index and field.
/// </summary>
public static class SaveValues
{
    public sealed record Item(string Org, string Element, string Period,
        [property: System.Text.Json.Serialization.JsonConverter(typeof(NumberOrText))] string Value, string? Comment = null);

    public sealed record Problem(int Index, string Field, string Message);

    /// <summary>`Refusal` says why nothing was written when the writer may not change these values (403) or they are locked (409).</summary>
    public sealed record Result(int Written, int Unchanged, IReadOnlyList<Problem> Errors, IReadOnlyList<Problem> Warnings,
        WriteRefusal Refusal = WriteRefusal.None);

    public enum WriteRefusal { None, Forbidden, Locked }

    public static async Task<Result> RunAsync(MeraDb database, IReadOnlyList<Item> items, AccessScope scope, TimeProvider clock, CancellationToken ct = default)
    {
        if (!Roles.EntersData(scope.Role))
        {
            return new Result(0, 0, [new Problem(0, "org", $"роль «{Roles.ToRussian(scope.Role)}» не вводит данные")], [], WriteRefusal.Forbidden);
        }
        await using var db = database.CreateContext();
        var codes = items.Select(i => i.Org).Distinct().ToList();
        var orgs = await db.OrgUnits.AsNoTracking().Where(o => codes.Contains(o.Code)).ToDictionaryAsync(o => o.Code, ct);
        var elements = await db.DataElements.AsNoTracking().ToDictionaryAsync(e => e.Code, ct);
        var errors = new List<Problem>();
        var foreign = false;
        var records = new Dictionary<ValueKey, ValueRecord>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (!orgs.TryGetValue(item.Org, out var org) || !scope.EntersDataFor(org))
            {
                foreign |= org is not null;
                errors.Add(new Problem(i, "org", $"организация «{item.Org}» не найдена или недоступна для ввода"));
                continue;
            }
            if (!elements.TryGetValue(item.Element, out var element))
            {
                errors.Add(new Problem(i, "element", $"неизвестный подпоказатель «{item.Element}»"));
                continue;
            }
            if (!Domain.Period.TryParse(item.Period, out var period, out var periodError) || period.Type != element.PeriodType)
            {
                errors.Add(new Problem(i, "period", periodError ?? $"подпоказатель собирается за период типа «{PeriodTypeNames.ToRussian(element.PeriodType)}»"));
                continue;
            }
            if (ValueParsing.Parse(item.Value, element, out var valueError) is not double value)
            {
                errors.Add(new Problem(i, "value", valueError!));
                continue;
            }
            var record = new ValueRecord(org.Id, element, period, value, i + 1);
            if (!records.TryAdd(record.Key, record))
            {
                errors.Add(new Problem(i, "value", $"значение для {item.Org} / {item.Element} / {item.Period} указано дважды"));
            }
        }
        if (errors.Count > 0)
        {
            return new Result(0, 0, errors, [], foreign ? WriteRefusal.Forbidden : WriteRefusal.None);
        }
        try
        {
            var saved = await ValueWrite.RunAsync(database, new ValueWrite.Request(new ValueWrite.ByEntry(ValueWrite.ApiLabel, null),
                [.. records.Values], [], Writer.For(scope, WriteChannel.Entry), ValueSource.Entry), clock, ct);
            return new Result(saved.ValuesWritten, saved.Unchanged, [], saved.Warnings.Select(w => new Problem((w.Row ?? 1) - 1, w.Column ?? "", w.Text)).ToList());
        }
        catch (ImportRefusedException refused)
        {
            var refusal = refused is WriteRefusedException gate ? gate.Locked ? WriteRefusal.Locked : WriteRefusal.Forbidden : WriteRefusal.None;
            return new Result(0, 0, refused.Issues.Where(x => x.Severity == IssueSeverity.Error)
                .Select(x => new Problem((x.Row ?? 1) - 1, x.Column ?? "", x.Text)).ToList(), [], refusal);
        }
    }
}
