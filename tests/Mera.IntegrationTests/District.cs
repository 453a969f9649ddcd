using System.Text;

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
        var sb = new StringBuilder("code,name,type,parent_code,inn,kpp,ogrn,address,is_rural,is_branch,email\n");
        sb.Append("r1,Тестовая область,region,,,,,,0,0,\n");
        sb.Append("m1,Енисейский район,municipality,r1,,,,,0,0,\n");
        for (var i = 1; i <= schools; i++)
        {
            sb.Append($"s{i},МБОУ СОШ № {i},school,m1,{Inn(1000 + i)},240101001,,,{((rural?.Invoke(i) ?? false) ? 1 : 0)},0,s{i}@example.ru\n");
        }
        return sb.ToString();
    }

    public static async Task SetUpAsync(TestDatabase db, int schools, Func<int, bool>? rural = null)
    {
        await Cli.OkAsync(db, "db", "migrate");
        await Cli.OkAsync(db, "orgs", "import", Cli.WriteFile("orgs.csv", Registry(schools, rural)));
    }

    public static async Task<CliRun> ImportValuesAsync(TestDatabase db, string csvBody) =>
        await Cli.RunAsync(db, "import", "values", Cli.WriteFile("values.csv", "org,element,period,value\n" + csvBody));
}
