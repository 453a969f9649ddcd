using Mera.Core.Domain;

namespace Mera.Core.Features.Demo;

/// <summary>The org units of «Демонстрационная область»: three districts with real-looking schools.</summary>
internal static class DemoRegistry
{
    public sealed record School(string Code, string Name, bool IsRural, int Students, int Teachers, double Quality);

    public static readonly (string Code, string Name, string Town, string[] Villages)[] Municipalities =
    [
        ("demo-enisey", "Енисейский муниципальный район", "Енисейск",
            ["Озерновская", "Ярцевская", "Подтесовская", "Абалаковская", "Верхнепашинская", "Майская", "Новокаргинская", "Потаповская", "Шапкинская", "Высокогорская", "Усть-Кемская", "Колмогоровская"]),
        ("demo-aksu", "Аксубаевский муниципальный район", "Аксубаево",
            ["Старотимошкинская", "Новоибрайкинская", "Сунчелеевская", "Карасинская", "Староальметьевская", "Кривоозерская", "Емелькинская", "Беловская", "Савгачевская", "Урмандеевская"]),
        ("demo-city", "Городской округ Демонстрационный", "Демонстрационный", []),
    ];

    /// <summary>A valid 10-digit INN from nine digits (check digit per the tax code's algorithm).</summary>
    public static string MakeInn(int region, int serial)
    {
        var digits = $"{region:D2}{serial:D7}";
        int[] weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (digits[i] - '0') * weights[i];
        }
        return digits + (sum % 11 % 10);
    }

    public static List<School> SchoolsOf(int municipalityIndex, Random random)
    {
        var (code, _, town, villages) = Municipalities[municipalityIndex];
        var schools = new List<School>();
        var townSchools = villages.Length == 0 ? 14 : 4;
        for (var i = 1; i <= townSchools; i++)
        {
            var name = villages.Length == 0 && i % 5 == 0 ? $"МАОУ «Гимназия № {i}» г. {town}" : $"МБОУ «Средняя общеобразовательная школа № {i}» г. {town}";
            schools.Add(new School($"{code}-s{i:D2}", name, false, random.Next(450, 1300), random.Next(30, 80), random.NextDouble()));
        }
        var n = townSchools;
        foreach (var village in villages)
        {
            n++;
            var kind = n % 4 == 0 ? "основная" : "средняя";
            var name = $"МБОУ «{village} {kind} общеобразовательная школа»";
            schools.Add(new School($"{code}-s{n:D2}", name, true, random.Next(40, 320), random.Next(8, 30), random.NextDouble()));
        }
        return schools;
    }
}
