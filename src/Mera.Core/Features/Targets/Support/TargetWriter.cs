using Mera.Core.Data;
using Mera.Core.Domain;

namespace Mera.Core.Features.Targets;

/// <summary>Adds or changes targets and keeps each change in the audit log (the targets' history): who, when, old → new.</summary>
internal sealed class TargetWriter(MeraDbContext db, Dictionary<(int, string, int), Target> existing, string user, TimeProvider clock)
{
    public int Added { get; private set; }
    public int Updated { get; private set; }
    public int Unchanged { get; private set; }

    public void Write(Target t, string orgCode)
    {
        var now = clock.GetUtcNow();
        if (!existing.TryGetValue((t.OrgUnitId, t.IndicatorCode, t.Year), out var current))
        {
            t.UpdatedAt = now;
            t.UpdatedBy = user;
            db.Targets.Add(t);
            existing[(t.OrgUnitId, t.IndicatorCode, t.Year)] = t;
            Audit(orgCode, t, "нет");
            Added++;
        }
        else if (current.Value != t.Value || current.BaseValue != t.BaseValue || current.BaseDate != t.BaseDate || current.IsCumulative != t.IsCumulative)
        {
            var old = Describe(current);
            (current.Value, current.BaseValue, current.BaseDate, current.IsCumulative) = (t.Value, t.BaseValue, t.BaseDate, t.IsCumulative);
            current.UpdatedAt = now;
            current.UpdatedBy = user;
            Audit(orgCode, current, old);
            Updated++;
        }
        else
        {
            Unchanged++;
        }
    }

    private void Audit(string orgCode, Target t, string old) =>
        db.AuditLog.Add(AuditEntry.Of(clock, user, "target.set", "target", $"{orgCode}/{t.IndicatorCode}/{t.Year}", $"{old} → {Describe(t)}", t.OrgUnitId));

    private static string Describe(Target t) =>
        $"{t.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}{(t.IsCumulative ? " (нарастающим итогом)" : "")}" +
        (t.BaseValue is double b ? $", база {b.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : "") +
        (t.BaseDate is DateOnly d ? $" на {d:dd.MM.yyyy}" : "");
}
