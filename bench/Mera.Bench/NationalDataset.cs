using System.Diagnostics;
using System.Globalization;
using System.Text;
using Mera.Core.Data.BuiltIn;
using Mera.Core.Domain;
using Mera.Core.Documents.Xlsx;

namespace Mera.Bench;

/// <summary>
/// A national dataset with a fixed seed: a `country` root, 85 regions, 2 380 municipalities, N schools with valid INNs;
/// one value of every catalog element for the quarter at the element's own period type (its last week and month,
/// the quarter, its year), consistent with the catalog's rules; and a national educont export of the next quarter.
/// </summary>
public static class NationalDataset
{
    public const int Regions = 85;
    public const int MunicipalitiesPerRegion = 28;

    public static int Generate(Options o)
    {
        var watch = Stopwatch.StartNew();
        Directory.CreateDirectory(o.Out);
        var quarter = Period.Parse(o.Quarter);
        var random = new Random(o.Seed);
        var schools = WriteRegistry(Path.Combine(o.Out, "registry.csv"), o.Schools, random);
        var values = WriteValues(Path.Combine(o.Out, "values.csv"), schools, quarter, random);
        WriteEducont(Path.Combine(o.Out, "educont.xlsx"), schools, random);
        File.WriteAllText(Path.Combine(o.Out, "dataset.txt"),
            $"schools={schools.Count}\nmunicipalities={Regions * MunicipalitiesPerRegion}\nregions={Regions}\nvalues={values}\nquarter={quarter.Code}\neducont_quarter={quarter.Next().Code}\n");
        Console.WriteLine($"Набор данных: школ {schools.Count:N0}, значений {values:N0}, квартал {quarter.Code} — {watch.Elapsed.TotalSeconds:F1} с, {o.Out}");
        return 0;
    }

    public sealed record School(string Code, string Name, string Inn, string Municipality, string MunicipalityName, int Students, int Teachers);

    private static List<School> WriteRegistry(string path, int count, Random random)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        w.WriteLine("code,name,type,parent_code,inn,kpp,ogrn,address,is_rural,is_branch,email");
        w.WriteLine("ru,Российская Федерация,country,,,,,,0,0,");
        var municipalities = new List<(string Code, string Name, int Region)>();
        for (var r = 1; r <= Regions; r++)
        {
            w.WriteLine($"r{r:D2},Субъект {r:D2},region,ru,,,,,0,0,");
            for (var m = 1; m <= MunicipalitiesPerRegion; m++)
            {
                var code = $"r{r:D2}-m{m:D2}";
                var name = $"Муниципальный район {r:D2}-{m:D2}";
                municipalities.Add((code, name, r));
                w.WriteLine($"{code},{name},municipality,r{r:D2},,,,,0,0,");
            }
        }
        var schools = new List<School>(count);
        for (var i = 1; i <= count; i++)
        {
            var (mCode, mName, region) = municipalities[(i - 1) % municipalities.Count];
            var inn = Inn(region, i);
            var school = new School($"s{i:D6}", $"МБОУ СОШ № {i}", inn, mCode, mName, random.Next(80, 1500), random.Next(8, 120));
            schools.Add(school);
            w.WriteLine($"{school.Code},{school.Name},school,{mCode},{inn},{region:D2}0101001,,,{(i % 3 == 0 ? 1 : 0)},0,");
        }
        return schools;
    }

    private static long WriteValues(string path, List<School> schools, Period quarter, Random random)
    {
        var elements = BuiltInCatalog.Instance.Elements;
        var periods = new Dictionary<string, string>
        {
            ["week"] = quarter.Inside(PeriodType.Week).Last().Code, ["month"] = quarter.Inside(PeriodType.Month).Last().Code,
            ["quarter"] = quarter.Code, ["year"] = quarter.ContainerOf(PeriodType.Year).Code,
        };
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        w.WriteLine("org,element,period,value");
        long count = 0;
        foreach (var s in schools)
        {
            foreach (var (code, value) in SchoolValues(s, random))
            {
                var element = elements.First(e => e.Code == code);
                w.Write(s.Code); w.Write(','); w.Write(code); w.Write(','); w.Write(periods[element.PeriodType]); w.Write(',');
                w.WriteLine(value.ToString(CultureInfo.InvariantCulture));
                count++;
            }
        }
        return count;
    }

    /// <summary>One school's values, within the catalog's rules (parts never above their totals, students within contingent).</summary>
    public static IEnumerable<(string Code, double Value)> SchoolValues(School s, Random r)
    {
        int Part(int of, double share) => (int)Math.Round(of * share * (0.6 + 0.4 * r.NextDouble()));
        int st = s.Students, te = s.Teachers;
        yield return ("contingent.students", st);
        yield return ("contingent.teachers", te);
        int osr = Part(st, 0.9), ost = Part(te, 0.9);
        yield return ("openschool.students.registered", osr); yield return ("openschool.students.inactive", Part(osr, 0.3));
        yield return ("openschool.teachers.registered", ost); yield return ("openschool.teachers.inactive", Part(ost, 0.2));
        int etr = Part(te, 0.95), etc = Part(etr, 0.9), esr = Part(st, 0.95), esc = Part(esr, 0.85);
        yield return ("educont.teachers.registered", etr); yield return ("educont.teachers.confirmed", etc);
        yield return ("educont.teachers.activated", Part(etr, 0.7)); yield return ("educont.teachers.unconfirmed", etr - etc);
        yield return ("educont.students.registered", esr); yield return ("educont.students.confirmed", esc);
        yield return ("educont.students.activated", Part(esr, 0.7)); yield return ("educont.students.unconfirmed", esr - esc);
        yield return ("educont.students.active_month", Part(esr, 0.5));
        int sst = Part(st, 0.9), ste = Part(te, 0.95), m3 = Part(ste, 0.6);
        yield return ("sferum.org.active", r.NextDouble() < 0.9 ? 1 : 0);
        yield return ("sferum.students.total", sst); yield return ("sferum.teachers.total", ste);
        yield return ("sferum.teachers.group_chats", Part(ste, 0.5)); yield return ("sferum.teachers.msg3", m3);
        yield return ("sferum.teachers.msg10", Part(m3, 0.6)); yield return ("sferum.teachers.call1", Part(ste, 0.4));
        yield return ("sferum.teachers.ezhd_linked", Part(ste, 0.7)); yield return ("sferum.students.ezhd_linked", Part(sst, 0.6));
        yield return ("sferum.teachers.active_12m", Part(te, 0.8)); yield return ("sferum.students.active_12m", Part(st, 0.6));
        int mtr = Part(te, 0.95), msr = Part(st, 0.9);
        yield return ("myschool.org.registered", 1);
        yield return ("myschool.teachers.registered", mtr); yield return ("myschool.teachers.active", Part(mtr, 0.8));
        yield return ("myschool.students.registered", msr); yield return ("myschool.students.active", Part(msr, 0.5));
        yield return ("myschool.parents.registered", Part(st, 1.2));
        yield return ("infra.internet.mbps", r.Next(2, 300)); yield return ("infra.internet.guaranteed", r.NextDouble() < 0.7 ? 1 : 0);
        yield return ("infra.equipment.updated", r.NextDouble() < 0.2 ? 1 : 0); yield return ("infra.website.updated", r.NextDouble() < 0.6 ? 1 : 0);
        yield return ("training.teachers.cos", Part(te, 0.5)); yield return ("training.heads.cos", r.Next(0, 4));
    }

    /// <summary>The national educont export as the platform gives it: INN as a number, the seed's 15 columns.</summary>
    private static void WriteEducont(string path, List<School> schools, Random random)
    {
        using var stream = File.Create(path);
        using var workbook = new XlsxWriter(stream);
        var sheet = workbook.AddSheet("Выгрузка");
        sheet.AddRow(new[] { "Муниципалитет", "ИНН", "Школа", "Адрес", "Статус директора на educont", "Директор", "Преподавателей зарегистрировано",
            "Преподавателей подтверждено", "Преподаватели, которые активировали минимум 1 платформу", "Неподтвержденные преподаватели",
            "Учеников зарегистрировано", "Учеников подтверждено", "Ученики, которые активировали минимум 1 платформу", "Не подтвержденные ученики",
            "Активные ученики educont в текущем месяц (воспользовались ЦОК не менее 3 раз)" }.Select(h => XlsxCell.Of(h)).ToArray());
        foreach (var s in schools)
        {
            int tr = (int)(s.Teachers * 0.97), tc = (int)(tr * 0.92), sr = (int)(s.Students * 0.96), sc = (int)(sr * 0.9);
            sheet.AddRow([XlsxCell.Of(s.MunicipalityName), XlsxCell.Of(double.Parse(s.Inn, CultureInfo.InvariantCulture)), XlsxCell.Of(s.Name),
                XlsxCell.Of("—"), XlsxCell.Of("Подтвержден"), XlsxCell.Of("—"), XlsxCell.Of(tr), XlsxCell.Of(tc), XlsxCell.Of((double)(int)(tr * 0.8)),
                XlsxCell.Of(tr - tc), XlsxCell.Of(sr), XlsxCell.Of(sc), XlsxCell.Of((double)(int)(sr * 0.7)), XlsxCell.Of(sr - sc),
                XlsxCell.Of((double)random.Next(0, sr / 2 + 1))]);
        }
        sheet.Save();
    }

    public static string Inn(int region, int serial)
    {
        var digits = $"{region:D2}{serial % 10_000_000:D7}";
        int[] w = [2, 4, 10, 3, 5, 9, 4, 6, 8];
        var sum = 0;
        for (var i = 0; i < 9; i++) sum += (digits[i] - '0') * w[i];
        return digits + (sum % 11 % 10);
    }
}
