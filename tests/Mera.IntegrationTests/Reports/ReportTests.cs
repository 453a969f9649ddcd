using System.Text.Json;
using Mera.Core.Documents.Xlsx;

namespace Mera.IntegrationTests.Reports;

/// <summary>
/// Every report kind for a seed 002 style district: made by the CLI, opened by LibreOffice (PDF and a PNG of page
/// one in artifacts/reports), and its numbers read back and compared with the engine and with hand arithmetic.
/// </summary>
public class ReportTests(ReportScenario scenario) : IClassFixture<ReportScenario>
{
    private const char Nbsp = '\u00A0';

    private async Task<JsonElement[]> EngineAsync(string period, params string[] more) =>
        (await Cli.OkAsync(scenario.Db, ["indicators", "--org", "m1", "--period", period, "--format", "json", "--as-of", ReportScenario.AsOf, .. more])).Json();

    private static JsonElement Of(JsonElement[] rows, string org, string indicator) =>
        rows.Single(r => r.GetProperty("org").GetString() == org && r.GetProperty("indicator").GetString() == indicator);

    [Fact]
    public async Task Summary_holds_the_seed_000_sub_indicators_and_maturity_indicators_as_numbers()
    {
        var xlsx = await ReportFiles.MakeAsync(scenario, "summary", "xlsx");
        var rows = ReportFiles.Rows(xlsx);
        // Σ(100 + i) over 17 schools = 1 853 students registered on educont; Σ(90 + i) = 1 683 in «Открытая школа».
        Assert.Equal(1853, ReportFiles.RowWith(rows, "B", "Количество обучающихся общеобразовательных организаций, зарегистрированных на образовательной онлайн-платформе educont.ru")["D"].Number);
        var profileRow = rows.Single(r => r.TryGetValue("B", out var b) && b.Text!.StartsWith("Доля учащихся, по которым осуществляется ведение цифрового профиля"));
        var engine = Of(await EngineAsync(ReportScenario.Period, "--indicator", "dm.students.profile"), "m1", "dm.students.profile");
        Assert.False(profileRow["E"].IsString);
        Assert.Equal(engine.GetProperty("value").GetDouble(), profileRow["E"].Number!.Value, 9);
        Assert.Equal(1683d / 2040 * 100, profileRow["E"].Number!.Value, 9);
        Assert.Equal(1683, profileRow["C"].Number);
        Assert.Equal(2040, profileRow["D"].Number);
        Assert.Equal("Исполнен", profileRow["G"].Text); // 82,5 % against 70 %

        var docx = await ReportFiles.MakeAsync(scenario, "summary", "docx");
        var text = ReportFiles.DocxText(docx);
        Assert.Contains($"82,5{Nbsp}%", text);
        Assert.Contains($"1{Nbsp}853", text);
        Assert.Contains("за 4 квартал 2024 г. (по состоянию на 1 февраля 2025 г.)", text);
        Assert.Contains("Исполнитель: Иванова И. И.", text);
        Assert.Contains("тел. 8 (39195) 2-22-22", text);
        var pdf = await ReportFiles.RenderAsync(docx, "summary-docx");
        RenderedText.Contains("Сводная информация", pdf);
        RenderedText.Contains("82,5 %", pdf);
        await ReportFiles.RenderAsync(xlsx, "summary-xlsx");
    }

    [Fact]
    public async Task Schools_report_has_a_row_per_school_highlights_the_lagging_and_totals_as_a_ratio_of_sums()
    {
        var xlsx = await ReportFiles.MakeAsync(scenario, "schools", "xlsx", "--indicator", "cos.teachers.trained");
        var rows = ReportFiles.Rows(xlsx);
        var engine = await EngineAsync("2024", "--indicator", "cos.teachers.trained", "--children");
        for (var i = 1; i <= 17; i++)
        {
            var row = ReportFiles.RowWith(rows, "B", ReportScenario.SchoolName(i));
            var expected = Of(engine, $"s{i}", "cos.teachers.trained");
            Assert.Equal(ReportScenario.Trained[i - 1], row["D"].Number);
            Assert.Equal(expected.GetProperty("value").GetDouble(), row["F"].Number!.Value, 9);
            Assert.Equal(40, row["G"].Number);
            var lagging = ReportScenario.Trained[i - 1] * 100.0 / (i == 17 ? 31 : 28) < 40;
            Assert.Equal(lagging ? "Не исполнен" : "Исполнен", row["H"].Text);
            Assert.Equal(lagging ? (uint)XlsxStyle.LaggingLabel : (uint)XlsxStyle.Label, row["B"].Style);
        }
        // The formula-like name is a string cell holding exactly the name: it is never evaluated.
        Assert.True(ReportFiles.RowWith(rows, "B", ReportScenario.FormulaName)["B"].IsString);

        var total = rows.Single(r => r.TryGetValue("B", out var b) && b.Text == "Итого: Енисейский район");
        Assert.Equal(233d / 479 * 100, total["F"].Number!.Value, 9);
        Assert.Equal(Of(engine, "m1", "cos.teachers.trained").GetProperty("value").GetDouble(), total["F"].Number!.Value, 9);
        var average = Enumerable.Range(1, 17).Average(i => ReportScenario.Trained[i - 1] * 100.0 / (i == 17 ? 31 : 28));
        Assert.NotEqual(Math.Round(average, 1), Math.Round(total["F"].Number!.Value, 1));
        Assert.Equal((uint)XlsxStyle.TotalPercent, total["F"].Style);
        Assert.Equal(1, ReportFiles.ChartCount(xlsx));

        var pdf = await ReportFiles.RenderAsync(xlsx, "schools-xlsx");
        RenderedText.Contains(ReportScenario.FormulaName, pdf);
        var csv = await File.ReadAllTextAsync(await ReportFiles.MakeAsync(scenario, "schools", "csv", "--indicator", "cos.teachers.trained"));
        Assert.Contains("'" + ReportScenario.FormulaName, csv);
        Assert.Contains("48,643", csv);
    }

    [Fact]
    public async Task Collegium_note_states_plan_fact_and_verdict_names_the_schools_below_target_and_lists_roadmap_and_decisions()
    {
        var docx = await ReportFiles.MakeAsync(scenario, "collegium", "docx", "--period", "2024");
        var text = ReportFiles.DocxText(docx);
        Assert.Contains("Аналитическая справка к заседанию коллегии", text);
        RenderedText.Contains("— плановое значение 5,7 %. Факт — 17,6 %.", text);
        RenderedText.Contains("— плановое значение 50,0 %, не менее 40,0 % в каждой организации. Факт — 48,6 %.", text);
        Assert.Contains("Показатель исполнен.", text);
        Assert.Contains("Показатель не исполнен.", text);
        Assert.Contains("Ниже установленного значения (5 из 17)", text);
        RenderedText.Contains($"{ReportScenario.FormulaName} — 28,6 % при плане 40,0 %", text);
        Assert.DoesNotContain("МБОУ СОШ № 17 —", text);
        Assert.Contains("Повышение квалификации педагогов по ЦОС", text);
        Assert.Contains("Отработать вопрос о повышении скорости сети интернет", text);
        Assert.Contains("просрочено", text);
        Assert.Equal(1, ReportFiles.ChartCount(docx));
        await ReportFiles.RenderAsync(docx, "collegium-docx");

        var pdf = await ReportFiles.MakeAsync(scenario, "collegium", "pdf", "--period", "2024");
        var pdfText = await ReportFiles.RenderAsync(pdf, "collegium-pdf");
        RenderedText.Contains("Факт — 17,6 %", pdfText);
    }

    [Fact]
    public async Task Agreement_tables_carry_plan_and_fact_by_year_and_the_quarterly_share_of_plan()
    {
        var xlsx = await ReportFiles.MakeAsync(scenario, "agreement", "xlsx");
        var rows = ReportFiles.Rows(xlsx);
        var linked = ReportFiles.RowWith(rows, "A", "18");
        Assert.Equal(1500, linked["C"].Number);
        Assert.Equal(1683, linked["D"].Number); // Σ «Открытая школа» registered in 2024 Q4
        Assert.Equal(1800, linked["E"].Number);
        var noted = ReportFiles.RowWith(rows, "A", "21");
        Assert.Equal(37, noted["C"].Number);
        Assert.Contains("из них в цифровой форме 12", noted["G"].Text);
        Assert.Equal("Региональный проект «Цифровая образовательная среда»", rows.Single(r => r.TryGetValue("B", out var b) && b.Text!.StartsWith("Региональный проект"))["B"].Text);
        await ReportFiles.RenderAsync(xlsx, "agreement-xlsx");
        var docx = await ReportFiles.MakeAsync(scenario, "agreement", "docx");
        Assert.Contains($"1{Nbsp}683", ReportFiles.DocxText(docx));

        var quarter = ReportFiles.Rows(await ReportFiles.MakeAsync(scenario, "agreement-quarter", "xlsx"));
        var row = ReportFiles.RowWith(quarter, "A", "18");
        Assert.Equal(1500, row["C"].Number);
        Assert.Equal(1683, row["D"].Number);
        Assert.Equal(1683d / 1500 * 100, row["E"].Number!.Value, 9);
        Assert.Equal("Исполнен", row["F"].Text);
        await ReportFiles.RenderAsync(await ReportFiles.MakeAsync(scenario, "agreement-quarter", "docx"), "agreement-quarter-docx");
    }

    [Fact]
    public async Task Submissions_monitor_lists_on_time_late_and_missing_schools_with_contacts()
    {
        var xlsx = await ReportFiles.MakeAsync(scenario, "submissions", "xlsx", "--form", "openschool");
        var rows = ReportFiles.Rows(xlsx);
        Assert.Equal("отправлено в срок", ReportFiles.RowWith(rows, "B", "МБОУ СОШ № 1")["C"].Text);
        Assert.Equal("принято (сдано с опозданием)", ReportFiles.RowWith(rows, "B", "МБОУ СОШ № 2")["C"].Text);
        Assert.Equal("25.12.2024 09:00", ReportFiles.RowWith(rows, "B", "МБОУ СОШ № 2")["D"].Text);
        var missing = ReportFiles.RowWith(rows, "B", "МБОУ СОШ № 3");
        Assert.Equal("не сдано", missing["C"].Text);
        Assert.Equal("s3@example.ru", missing["G"].Text);
        Assert.Equal((uint)XlsxStyle.LaggingLabel, missing["B"].Style);
        Assert.Contains(rows, r => r.TryGetValue("A", out var a) && a.Text!.Contains("сдали в срок: 1; с опозданием: 1; не сдали: 15"));
        await ReportFiles.RenderAsync(xlsx, "submissions-xlsx");
    }

    [Fact]
    public async Task Unknown_format_and_missing_agreement_are_refused_in_Russian()
    {
        var bad = await Cli.RunAsync(scenario.Db, "report", "summary", "--org", "m1", "--period", "2024Q4", "--out", Path.Combine(Path.GetTempPath(), "r.odt"));
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("Неизвестный формат отчёта «.odt»", bad.Error);
        var none = await Cli.RunAsync(scenario.Db, "report", "agreement", "--org", "s1", "--period", "2024Q4", "--out", Path.Combine(Path.GetTempPath(), "r.xlsx"));
        Assert.Equal(1, none.ExitCode);
        Assert.Contains("нет загруженного соглашения", none.Error);
    }
}
