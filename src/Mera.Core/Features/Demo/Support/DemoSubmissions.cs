using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Values;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Demo;

/// <summary>
/// The reporting history behind the demo values: past forms accepted (a few sent late), the latest one partly
/// waiting for acceptance, so «Мои формы» and the monitor show a believable district rather than all red.
/// </summary>
internal static class DemoSubmissions
{
    public static async Task<int> AddAsync(MeraDbContext db, IReadOnlyList<ValueRecord> records, DateOnly today, CancellationToken ct)
    {
        var forms = await db.SchoolFormsAsync(ct);
        var existing = (await db.Submissions.AsNoTracking().Select(s => new { s.OrgUnitId, s.FormCode, s.PeriodCode }).ToListAsync(ct))
            .Select(s => (s.OrgUnitId, s.FormCode, s.PeriodCode)).ToHashSet();
        var random = new Random(77);
        var added = 0;
        foreach (var form in forms)
        {
            var codes = form.Elements.ToHashSet();
            var reported = records.Where(r => codes.Contains(r.Element.Code) && r.Period.Type == form.PeriodType)
                .Select(r => (r.OrgId, r.Period)).Distinct().OrderBy(x => x.Period.Start).ToList();
            var latest = reported.Count == 0 ? default : reported.Max(r => r.Period);
            foreach (var (org, period) in reported)
            {
                var deadline = form.DeadlineOf(period);
                if (deadline > today || existing.Contains((org, form.Code, period.Code)))
                {
                    continue;
                }
                var late = random.NextDouble() < 0.12;
                var sentOn = late ? deadline.AddDays(random.Next(1, 9)) : deadline.AddDays(-random.Next(0, 12));
                var waiting = period == latest && random.NextDouble() < 0.25;
                db.Submissions.Add(new Submission
                {
                    OrgUnitId = org, FormCode = form.Code, PeriodCode = period.Code,
                    State = waiting ? SubmissionState.Submitted : SubmissionState.Accepted,
                    SubmittedAt = new DateTimeOffset(sentOn.ToDateTime(new TimeOnly(7, 30)), TimeSpan.Zero), SubmittedBy = "demo",
                    DecidedAt = waiting ? null : new DateTimeOffset(sentOn.AddDays(2).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero),
                    DecidedBy = waiting ? null : "demo", Version = 1,
                });
                added++;
            }
        }
        await db.SaveChangesAsync(ct);
        return added;
    }
}
