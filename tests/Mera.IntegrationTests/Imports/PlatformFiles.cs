using System.Text;

namespace Mera.IntegrationTests.Imports;

/// <summary>
/// Synthetic platform exports for a two-municipality registry whose INNs start with 0 (region 05, as in seed 001),
/// and the totals that the import must reproduce — computed here, from the generated rows, not by Mera.
/// </summary>
public static class PlatformFiles
{
    public static string Inn(string region, int serial)
    {
        var digits = $"{region}{serial:D7}";
        int[] w = [2, 4, 10, 3, 5, 9, 4, 6, 8];
        var sum = 0;
        for (var i = 0; i < 9; i++) sum += (digits[i] - '0') * w[i];
        return digits + (sum % 11 % 10);
    }

    public static string SchoolName(int i) => $"МКОУ «Средняя общеобразовательная школа № {i}»";

    /// <summary>m1 «Сергокалинский район» with `schools` schools, m2 «Каякентский район» with two.</summary>
    public static string Registry(int schools)
    {
        var sb = new StringBuilder(TestData.RegistryHeader + "\n");
        sb.Append("r1,Республика Дагестан,region,,,,,,0,0,\n");
        sb.Append("m1,МР «Сергокалинский район»,municipality,r1,,,,,0,0,\n");
        sb.Append("m2,МР «Каякентский район»,municipality,r1,,,,,0,0,\n");
        for (var i = 1; i <= schools; i++)
        {
            sb.Append($"s{i},\"{SchoolName(i).Replace("\"", "\"\"")}\",school,m1,{Inn("05", 100 + i)},052701001,,,1,0,\n");
        }
        sb.Append($"k1,МКОУ «Каякентская СОШ»,school,m2,{Inn("05", 900)},052201001,,,1,0,\n");
        sb.Append($"k2,МКОУ «Новокаякентская СОШ»,school,m2,{Inn("05", 901)},052201001,,,1,0,\n");
        return sb.ToString();
    }

    public static readonly string[] EducontSeedHeaders =
    [
        "Муни-ципали-тет**", "ИНН", "Школа", "Адрес", "Статус дирек-тора на educont", "Ди-ректор",
        "Препо-давате-\nлей зарегис-трирова-\nно", "Препо-давате-лей подтвер-ждено",
        "Препода-ватели, которые активиро-вали минимум 1 платформу", "Непод-твержденные препо-даватели",
        "Уче-ников зарегис-трирова-но", "Уче-ников под-тверждено", "Ученики, которые активи-ровали минимум 1 платфор-му",
        "Не подтвержден-ные ученики", "Активные ученики educont в текущем \nмесяц (воспользо-вались ЦОК \nне менее \n3 раз)",
    ];

    public static readonly string[] EducontCleanHeaders =
    [
        "Муниципалитет", "ИНН", "Школа", "Адрес", "Статус директора на educont", "Директор", "Преподавателей зарегистрировано",
        "Преподавателей подтверждено", "Преподаватели, которые активировали минимум 1 платформу", "Неподтвержденные преподаватели",
        "Учеников зарегистрировано", "Учеников подтверждено", "Ученики, которые активировали минимум 1 платформу",
        "Не подтвержденные ученики", "Активные ученики educont в текущем месяц (воспользовались ЦОК не менее 3 раз)",
    ];

    public static readonly string[] EducontElements =
    [
        "educont.teachers.registered", "educont.teachers.confirmed", "educont.teachers.activated", "educont.teachers.unconfirmed",
        "educont.students.registered", "educont.students.confirmed", "educont.students.activated", "educont.students.unconfirmed",
        "educont.students.active_month",
    ];

    /// <summary>The educont export (`;` CSV) for m1's schools plus two rows of m2 and a totals row; and m1's totals.</summary>
    public static (string Csv, Dictionary<string, long> Totals) Educont(int schools, bool seedHeaders, int seed = 7)
    {
        var random = new Random(seed);
        var totals = EducontElements.ToDictionary(e => e, _ => 0L);
        var sb = new StringBuilder();
        sb.AppendLine("Выгрузка из личного кабинета educont.ru;;;;;;;;;;;;;;");
        sb.AppendLine(string.Join(';', (seedHeaders ? EducontSeedHeaders : EducontCleanHeaders).Select(Quote)));
        void Row(string municipality, string inn, string name, bool count)
        {
            int tr = random.Next(10, 80), tc = random.Next(0, tr + 1), ta = random.Next(0, tr + 1);
            int sr = random.Next(100, 900), sc = random.Next(0, sr + 1), sa = random.Next(0, sr + 1), am = random.Next(0, sr + 1);
            int[] values = [tr, tc, ta, tr - tc, sr, sc, sa, sr - sc, am];
            if (count)
            {
                for (var i = 0; i < values.Length; i++) totals[EducontElements[i]] += values[i];
            }
            sb.AppendLine(string.Join(';', new[] { municipality, inn, Quote(name), "ул. Школьная, 1", "Подтвержден", "Иванов И.И." }
                .Concat(values.Select(v => v.ToString()))));
        }
        for (var i = 1; i <= schools; i++)
        {
            Row(i % 2 == 0 ? "Сергокалинский район" : "Сергокалинский муниципальный район", Inn("05", 100 + i), SchoolName(i), count: true);
        }
        Row("Каякентский район", Inn("05", 900), "МКОУ «Каякентская СОШ»", count: false);
        Row("Каякентский район", Inn("05", 901), "МКОУ «Новокаякентская СОШ»", count: false);
        sb.AppendLine("Итого;;;;;;" + string.Join(';', EducontElements.Select(e => totals[e])));
        return (sb.ToString(), totals);
    }

    public static string Quote(string cell) =>
        cell.IndexOfAny([';', '"', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;
}
