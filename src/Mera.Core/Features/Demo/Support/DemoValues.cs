using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Values;

namespace Mera.Core.Features.Demo;

/// <summary>
/// Plausible values that respect every consistency rule: usage grows over the two years, weak schools
/// (low quality) lag, and a few schools miss their latest reports.
/// </summary>
internal static class DemoValues
{
    /// <summary>The school of the demo's school account.</summary>
    public const string VisitorsSchool = "demo-enisey-s01";

    public static List<ValueRecord> Generate(IReadOnlyList<(OrgUnit Org, DemoRegistry.School Profile)> schools,
        IReadOnlyDictionary<string, DataElement> elements, DateOnly today)
    {
        var random = new Random(7);
        var records = new List<ValueRecord>();
        var first = new DateOnly(today.Year - 1, 1, 1);
        double Trend(Period p) => 0.7 + 0.3 * Math.Clamp((p.End.DayNumber - first.DayNumber) / (double)(today.DayNumber - first.DayNumber), 0, 1);
        foreach (var (org, s) in schools)
        {
            var q = s.Quality;
            // A few schools are late with the latest reports: the demo must show «не сдано».
            var late = q is > 0.2 and < 0.32;
            void Add(string code, Period p, double value) =>
                records.Add(new ValueRecord(org.Id, elements[code], p, Math.Max(0, Math.Round(value, code == "infra.internet.mbps" ? 1 : 0)), 0));
            foreach (var year in new[] { today.Year - 1, today.Year })
            {
                var y = Period.OfYear(year);
                var students = Math.Round(s.Students * (1 + 0.03 * (year - today.Year)));
                Add("contingent.students", y, students);
                Add("contingent.teachers", y, s.Teachers);
                if (year < today.Year || random.NextDouble() < 0.7)
                {
                    Add("infra.internet.mbps", y, s.IsRural ? (q > 0.4 ? 50 : 10 + 30 * q) : (q > 0.3 ? 100 : 50));
                    Add("infra.internet.guaranteed", y, q > 0.3 ? 1 : 0);
                    Add("infra.equipment.updated", y, q > 0.8 && (int)(q * 100) % 2 == year % 2 ? 1 : 0);
                    Add("infra.website.updated", y, q > 0.25 ? 1 : 0);
                    Add("training.teachers.cos", y, s.Teachers * (0.2 + 0.5 * q) * (year == today.Year ? 1.3 : 1) * 0.75);
                    Add("training.heads.cos", y, 1 + (q > 0.5 ? 1 : 0));
                }
                foreach (var quarter in y.Inside(PeriodType.Quarter).Where(p => DeadlineRule.Parse("last-month:20").DeadlineOf(p) <= today))
                {
                    if (late && quarter.End.AddMonths(3) > today) continue;
                    // The quarter still running is the demo school's to fill, whatever the day the demo is loaded on.
                    if (org.Code == VisitorsSchool && quarter.End >= today) continue;
                    var t = Trend(quarter);
                    var osReg = students * (0.45 + 0.5 * q) * t;
                    Add("openschool.students.registered", quarter, osReg);
                    Add("openschool.students.inactive", quarter, osReg * (0.4 - 0.3 * q));
                    var osTeach = s.Teachers * (0.5 + 0.5 * q) * t;
                    Add("openschool.teachers.registered", quarter, osTeach);
                    Add("openschool.teachers.inactive", quarter, osTeach * (0.3 - 0.2 * q));
                    Educont(Add, quarter, students, s.Teachers, q, t, random);
                }
                foreach (var month in y.Inside(PeriodType.Month).Where(p => p.End < today))
                {
                    if (late && month.End.AddMonths(1) > today) continue;
                    var t = Trend(month);
                    Add("myschool.org.registered", month, q > 0.1 ? 1 : 0);
                    var tr = s.Teachers * (0.6 + 0.4 * q);
                    Add("myschool.teachers.registered", month, tr);
                    Add("myschool.teachers.active", month, tr * (0.3 + 0.6 * q) * t);
                    var sr = students * (0.3 + 0.6 * q) * t;
                    Add("myschool.students.registered", month, sr);
                    Add("myschool.students.active", month, sr * (0.4 + 0.5 * q));
                    Add("myschool.parents.registered", month, sr * 1.3);
                    Add("sferum.teachers.active_12m", month, s.Teachers * (0.5 + 0.45 * q) * t);
                    Add("sferum.students.active_12m", month, students * (0.4 + 0.5 * q) * t);
                }
                foreach (var week in y.Inside(PeriodType.Week).Where(p => p.End < today))
                {
                    if (random.NextDouble() < 0.03 || late && week.End.AddDays(21) > today) continue;
                    Sferum(Add, week, students, s.Teachers, q, Trend(week), random);
                }
            }
        }
        return records;
    }

    private static void Educont(Action<string, Period, double> add, Period p, double students, double teachers, double q, double t, Random random)
    {
        var tReg = Math.Round(teachers * (0.6 + 0.4 * q));
        var tConf = Math.Round(tReg * (0.6 + 0.4 * q) * t);
        add("educont.teachers.registered", p, tReg);
        add("educont.teachers.confirmed", p, tConf);
        add("educont.teachers.unconfirmed", p, tReg - tConf);
        add("educont.teachers.activated", p, tConf * (0.5 + 0.4 * random.NextDouble()));
        var sReg = Math.Round(students * (0.5 + 0.45 * q) * t);
        var sConf = Math.Round(sReg * (0.5 + 0.45 * q));
        add("educont.students.registered", p, sReg);
        add("educont.students.confirmed", p, sConf);
        add("educont.students.unconfirmed", p, sReg - sConf);
        add("educont.students.activated", p, sConf * (0.4 + 0.5 * random.NextDouble()));
        add("educont.students.active_month", p, sConf * (0.2 + 0.3 * q));
    }

    private static void Sferum(Action<string, Period, double> add, Period p, double students, double teachers, double q, double t, Random random)
    {
        add("sferum.org.active", p, q > 0.15 || random.NextDouble() < 0.4 ? 1 : 0);
        add("sferum.students.total", p, students * (0.5 + 0.45 * q) * t);
        var total = Math.Round(teachers * (0.7 + 0.3 * q));
        var msg3 = Math.Round(total * (0.4 + 0.5 * q) * t);
        add("sferum.teachers.total", p, total);
        add("sferum.teachers.msg3", p, msg3);
        add("sferum.teachers.msg10", p, Math.Round(msg3 * (0.4 + 0.4 * random.NextDouble())));
        add("sferum.teachers.group_chats", p, Math.Round(total * (0.3 + 0.5 * q)));
        add("sferum.teachers.call1", p, Math.Round(total * (0.1 + 0.3 * random.NextDouble())));
        add("sferum.teachers.ezhd_linked", p, Math.Round(total * (0.5 + 0.4 * q)));
        add("sferum.students.ezhd_linked", p, Math.Round(students * (0.3 + 0.4 * q) * t));
    }
}
