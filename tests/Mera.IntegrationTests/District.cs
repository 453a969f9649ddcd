namespace Mera.IntegrationTests;

/// <summary>A small district registry for tests: region → municipality → N schools with valid INNs.</summary>
public static class District
{
    public static string Inn(int serial)
    {
        var digits = $"24{serial:D7}";
        int[] w = [2, 4, 10, 3, 5, 9, 4, 6, 8];
        var sum = 0;
        for (var i = 0; i < 9; i++) sum += (digits[i] - '0') * w[i];
        return digits + (sum % 11 % 10);
    }

    public static string Registry(int schools, Func<int, bool>? rural = null)
    {
        var registry = new TestData.RegistryBuilder()
            .Unit("r1", "Тестовая область", "region")
            .Unit("m1", "Енисейский район", "municipality", parent: "r1");
        for (var i = 1; i <= schools; i++)
        {
            registry.Unit($"s{i}", $"МБОУ СОШ № {i}", "school", parent: "m1", inn: Inn(1000 + i), kpp: "240101001",
                rural: rural?.Invoke(i) ?? false, email: $"s{i}@example.ru");
        }
        return registry.ToString();
    }

    public static async Task SetUpAsync(TestDatabase db, int schools, Func<int, bool>? rural = null)
    {
        await Cli.OkAsync(db, "db", "migrate");
        await Cli.OkAsync(db, "orgs", "import", Cli.WriteFile("orgs.csv", Registry(schools, rural)));
    }

    public static async Task<CliRun> ImportValuesAsync(TestDatabase db, string csvBody) =>
        await Cli.RunAsync(db, "import", "values", Cli.WriteFile("values.csv", TestData.ValuesHeader + "\n" + csvBody));
}
