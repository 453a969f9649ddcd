using Mera.Core.Data;
using Mera.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Demo;

/// <summary>A roadmap, collegium decisions and an agreement for the demo district, dated around today so statuses vary.</summary>
internal static class DemoPlans
{
    public static async Task AddAsync(MeraDbContext db, OrgUnit district, DateOnly today, TimeProvider clock, CancellationToken ct)
    {
        if (await db.RoadmapItems.AnyAsync(i => i.OrgUnitId == district.Id, ct))
        {
            return;
        }
        var year = today.Year;
        var items = new (string Title, DateOnly? Start, string Deadline, string Responsible, string Document, DateOnly? Done)[]
        {
            ("Назначение ответственных за внедрение ЦОС в общеобразовательных организациях", new(year, 1, 10), $"10.02.{year}", "руководитель МОУО", "приказ, список ответственных лиц", new(year, 2, 5)),
            ("Мониторинг обновления официальных сайтов образовательных организаций", new(year, 3, 1), $"31.12.{year - 1} далее ежегодно", "муниципальный координатор", "справка по итогам мониторинга", new(year - 1, 12, 20)),
            ("Подключение педагогических работников к ФГИС «Моя школа» и ИКОП «Сферум» (100 %)", new(year, 9, 1), today.AddDays(-10).ToString("dd.MM.yyyy"), "руководители ОО", "информационно-аналитический отчет", null),
            ("Повышение скорости интернета в 6 сельских школах до 20 Мбит/с", new(year, 6, 1), new DateOnly(year, 12, 28).ToString("dd.MM.yyyy"), "МКУ «Управление образования»", "письмо в министерство цифрового развития", null),
            ("Обновление материально-технической базы для внедрения ЦОС", new(year + 1, 1, 15), $"31.12.{year + 1}", "МКУ «Управление образования», руководители ОО", "акты приемки оборудования", null),
        };
        var n = 0;
        foreach (var (title, start, deadline, responsible, document, done) in items)
        {
            n++;
            db.RoadmapItems.Add(new RoadmapItem
            {
                OrgUnitId = district.Id, Number = n.ToString(), SortOrder = n, Title = title, StartDate = start, Deadline = deadline,
                EndDate = Schedule.Parse(deadline).Date, Responsible = responsible, Document = document, CompletedOn = done,
                UpdatedAt = clock.GetUtcNow(), UpdatedBy = "demo",
            });
        }
        var decision = new Decision { OrgUnitId = district.Id, Number = "5", Date = today.AddMonths(-2), Title = "Об итогах внедрения ЦОС в образовательных учреждениях района" };
        decision.Items.Add(new DecisionItem { Number = "1.1", Text = "Обеспечить координацию и контроль за увеличением активности в ФГИС «Моя школа»", Responsible = "МКУ «Управление образования»", Deadline = "ежемесячно до 25 числа", LastReportedOn = today.AddMonths(-1) });
        decision.Items.Add(new DecisionItem { Number = "1.2", Text = "Отработать с министерством цифрового развития вопрос о скорости интернета в сельских школах", Responsible = "МКУ «Управление образования»", Deadline = "до " + today.AddDays(40).ToString("dd.MM.yyyy") });
        decision.Items.Add(new DecisionItem { Number = "2.2", Text = "Перевести все внутренние чаты организаций в ИКОП «Сферум»", Responsible = "руководители ОУ", Deadline = $"до {today.AddDays(-20):dd.MM.yyyy}, далее постоянно" });
        db.Decisions.Add(decision);
        var agreement = new Agreement { OrgUnitId = district.Id, Number = $"01/0-{year - 1}-24", Date = new DateOnly(year - 1, 2, 14), Parties = "Министерство образования и Енисейский муниципальный район", ValidFrom = new DateOnly(year - 1, 1, 1), ValidTo = new DateOnly(year + 1, 12, 31) };
        var rows = new (string Number, string Title, string? Indicator, double[] Plan)[]
        {
            ("18", "Численность обучающихся, для которых формируется цифровой образовательный профиль", "cos.students.profile_count", [2500, 3300, 4200]),
            ("22", "Количество образовательных организаций, обновивших информационное наполнение официальных сайтов", "cos.orgs.website_count", [8, 13, 16]),
            ("23", "Количество общеобразовательных организаций, обновивших материально-техническую базу для внедрения ЦОС", "cos.orgs.equipped_count", [2, 4, 6]),
            ("24", "Количество муниципальных образовательных организаций, реализующих программы общего образования, использующих платформу ЦОС", null, [3, 8, 11]),
        };
        foreach (var (row, index) in rows.Select((r, i) => (r, i)))
        {
            for (var k = 0; k < 3; k++)
            {
                agreement.Values.Add(new AgreementValue { Project = "Региональный проект «Цифровая образовательная среда»", RowNumber = row.Number, SortOrder = index, Title = row.Title, Year = year - 1 + k, Value = row.Plan[k], IndicatorCode = row.Indicator });
                if (row.Indicator is not null)
                {
                    // Linked, so the row's plan is the district's target (as `agreement link` makes it).
                    db.Targets.Add(new Target { OrgUnitId = district.Id, IndicatorCode = row.Indicator, Year = year - 1 + k, Value = row.Plan[k], UpdatedAt = clock.GetUtcNow(), UpdatedBy = "demo" });
                }
            }
        }
        db.Agreements.Add(agreement);
        await db.SaveChangesAsync(ct);
    }
}
