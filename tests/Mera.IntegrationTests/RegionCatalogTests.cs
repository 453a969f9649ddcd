namespace Mera.IntegrationTests;

/// <summary>
/// Issue 20: a region adds what its agreements measure and Mera has no place for (seed 002: parents registered in
/// «Моя школа» ≥ 30 %) — an element, an indicator and a school form — and they work like built-in ones: values
/// load, the engine computes, a template is made, `db migrate` keeps them, built-in codes stay untouched.
/// </summary>
public class RegionCatalogTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_regions_own_element_indicator_and_form_work_like_built_in_ones(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await District.SetUpAsync(db, 2);
        await Cli.OkAsync(db, "catalog", "element", "add", "--code", "region.parents.registered", "--period-type", "quarter",
            "--name", "Численность родителей, зарегистрированных в ФГИС «Моя школа»");
        await Cli.OkAsync(db, "catalog", "indicator", "add", "--code", "region.parents.share", "--from", "01.01.2024",
            "--name", "Доля родителей, зарегистрированных в ФГИС «Моя школа»", "--numerator", "region.parents.registered",
            "--denominator", "contingent.students", "--group", "Решение коллегии № 2");
        await Cli.OkAsync(db, "catalog", "form", "add", "--code", "region-parents", "--name", "Регистрация родителей в ФГИС «Моя школа»",
            "--period-type", "quarter", "--deadline", "last-month:20", "--elements", "region.parents.registered");

        var refused = await Cli.RunAsync(db, "catalog", "form", "add", "--code", "region-mixed", "--name", "Смешанная", "--period-type", "quarter",
            "--deadline", "last-month:20", "--elements", "region.parents.registered,contingent.students");
        Assert.Contains("«Численность обучающихся (НОО, ООО, СОО)» собирается за период «год», а форма — за «квартал»", refused.Error);
        Assert.Contains("уже есть в каталоге", (await Cli.RunAsync(db, "catalog", "element", "add", "--code", "contingent.students",
            "--period-type", "year", "--name", "Подмена")).Error);
        Assert.Contains("латинских строчных слов через точку", (await Cli.RunAsync(db, "catalog", "element", "add", "--code", "Родители",
            "--period-type", "year", "--name", "Родители")).Error);

        var quarter = TestClock.LastQuarter.Code;
        await Cli.OkAsync(db, "import", "values", TestData.ValuesFile("v.csv",
            new("s1", "region.parents.registered", quarter, 120), new("s2", "region.parents.registered", quarter, 30),
            new("s1", "contingent.students", TestClock.Year, 400), new("s2", "contingent.students", TestClock.Year, 100)));
        await Cli.OkAsync(db, "db", "migrate"); // the release's sync leaves the region's items alone
        var share = Cli.Row(await Cli.OkAsync(db, "indicators", "--org", "m1", "--period", quarter, "--indicator", "region.parents.share",
            "--format", "json"), "m1", "region.parents.share");
        Assert.Equal(30.0, share.GetProperty("value").GetDouble(), 6); // (120 + 30) / (400 + 100)

        var dir = Directory.CreateTempSubdirectory("mera-region-form-").FullName;
        await Cli.OkAsync(db, "template", "--form", "region-parents", "--period", quarter, "--org", "s1", "--out", dir);
        Assert.Single(Directory.GetFiles(dir, "*.xlsx"));
        await using var context = db.Db.CreateContext();
        var audited = context.AuditLog.Where(a => a.Action.StartsWith("catalog.")).Select(a => a.Action).ToList();
        Assert.Equal(["catalog.element.add", "catalog.form.add", "catalog.indicator.add"], audited.Order());
    }
}
