using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Orgs;
using Mera.Core.Features.Imports;
using Mera.Core.Features.Values;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Demo;

/// <summary>
/// `./mera demo`: «Демонстрационная область» with three districts, two calendar years of weekly, monthly,
/// quarterly and yearly values with trends, lagging schools, missing reports and yearly targets.
/// Deterministic (fixed seed) and idempotent: a second run changes nothing.
/// </summary>
public static class LoadDemo
{
    public const string RegionCode = "demo";

    public sealed record Result(int OrgUnits, int ValuesWritten, int Targets);

    public static async Task<Result> RunAsync(MeraDb database, TimeProvider clock, CancellationToken ct = default)
    {
        var today = clock.Today();
        // Separate generators: what an earlier run already stored must not shift the numbers drawn for the rest.
        var random = new Random(2024);
        var people = new Random(1917);
        await using var db = database.CreateContext();
        var orgs = await db.OrgUnits.ToDictionaryAsync(o => o.Code, ct);
        var region = Upsert(db, orgs, RegionCode, "Демонстрационная область", OrgUnitType.Region, null, false);
        await db.SaveChangesAsync(ct);
        var schools = new List<(OrgUnit Org, DemoRegistry.School Profile)>();
        for (var m = 0; m < DemoRegistry.Municipalities.Length; m++)
        {
            var (code, name, _, _) = DemoRegistry.Municipalities[m];
            var municipality = Upsert(db, orgs, code, name, OrgUnitType.Municipality, region, false);
            await db.SaveChangesAsync(ct);
            var serial = 100 * (m + 1);
            foreach (var profile in DemoRegistry.SchoolsOf(m, random))
            {
                var school = Upsert(db, orgs, profile.Code, profile.Name, OrgUnitType.School, municipality, profile.IsRural);
                school.ShortName ??= OrgShortNames.Abbreviate(profile.Name);
                school.Inn ??= DemoRegistry.MakeInn(24, 4000000 + serial++);
                school.Kpp ??= $"24{m + 1:D2}01001";
                school.Email ??= $"{profile.Code}@edu.example.ru";
                var (responsible, director) = (DemoPeople.Responsible(people), DemoPeople.Director(people));
                school.ResponsiblePerson ??= responsible;
                school.Director ??= director;
                schools.Add((school, profile));
            }
        }
        await db.SaveChangesAsync(ct);
        OrgPaths.Recompute(orgs.Values);
        await db.SaveChangesAsync(ct);

        var elements = await db.DataElements.AsNoTracking().ToDictionaryAsync(e => e.Code, ct);
        var records = DemoValues.Generate(schools, elements, today);
        var targets = await DemoTargets.UpsertAsync(db, region, schools.Select(s => s.Org).ToList(), orgs.Values.Where(o => o.Type == OrgUnitType.Municipality).ToList(), today, clock, ct);
        var saved = await SaveImportBatch.RunAsync(database, new SaveImportBatch.Request(
            "demo", "демонстрационные данные", "demo", null, RegionCode, records, [], records.Count, 0, DryRun: false,
            User: "demo", Source: ValueSource.Demo), clock, ct);
        await DemoSubmissions.AddAsync(db, records, today, ct);
        await DemoPlans.AddAsync(db, orgs["demo-enisey"], today, clock, ct);
        await Users.DemoUsers.EnsureAsync(database, clock, ct);
        return new Result(orgs.Count, saved.ValuesWritten, targets);
    }

    private static OrgUnit Upsert(MeraDbContext db, Dictionary<string, OrgUnit> orgs, string code, string name, OrgUnitType type, OrgUnit? parent, bool rural)
    {
        if (!orgs.TryGetValue(code, out var org))
        {
            org = new OrgUnit { Code = code, Name = name, Type = type, Parent = parent, IsRural = rural };
            db.OrgUnits.Add(org);
            orgs[code] = org;
        }
        return org;
    }
}

internal static class DemoPeople
{
    private static readonly string[] _surnames = ["Иванова", "Петрова", "Смирнова", "Кузнецова", "Соколова", "Попова", "Лебедева", "Козлова", "Новикова", "Морозова", "Волкова", "Соловьева"];
    private static readonly string[] _initials = ["А.В.", "Е.Н.", "О.С.", "Т.И.", "Н.П.", "Л.А.", "М.Г.", "И.Ю."];

    public static string Responsible(Random r) => $"{_surnames[r.Next(_surnames.Length)]} {_initials[r.Next(_initials.Length)]}";

    public static string Director(Random r) => $"{_surnames[r.Next(_surnames.Length)]} {_initials[r.Next(_initials.Length)]}";
}
