using Mera.Core.Domain;
using Mera.Core.Features.Indicators;
using Mera.Core.Features.Submissions;
using Mera.Core.Formatting;
using Mera.Core.Documents;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Reports;

/// <summary>
/// «Мониторинг сдачи отчетности»: per form and period, which schools sent on time, late or not at all, with the
/// responsible person's contacts so the municipality can call the late ones.
/// </summary>
internal static class SubmissionsReport
{
    public static async Task<ReportDocument> BuildAsync(BuildReport.Context context, CancellationToken ct)
    {
        var forms = await FormsAsync(context, ct);
        var blocks = new List<ReportBlock>();
        foreach (var form in forms.Where(f => f.Supplier == "municipality"))
        {
            blocks.AddRange(await MunicipalitiesAsync(context, form, blocks.OfType<ReportTable>().All(t => !t.IsMain), ct));
        }
        foreach (var form in forms.Where(f => f.Supplier == "school"))
        {
            var result = await ListSubmissions.RunAsync(context.Database, context.Org, form.Code, context.Period.Code, context.Query.Today, ct);
            var onTime = result.Count(ReportingStatus.OnTime, ReportingStatus.Accepted);
            var late = result.Count(ReportingStatus.Late, ReportingStatus.AcceptedLate);
            var missing = result.Rows.Count - onTime - late;
            blocks.Add(new ReportHeading($"{form.Name} за {result.Period.DisplayRu}"));
            blocks.Add(new ReportParagraph($"Срок представления: {RussianFormat.Date(result.Deadline)}. Организаций: {result.Rows.Count}; " +
                $"сдали в срок: {onTime}; с опозданием: {late}; не сдали: {missing}."));
            blocks.Add(new ReportTable("",
            [
                new("№", ValueFormat.Text, 5), new("Организация", ValueFormat.Text, 36), new("Состояние", ValueFormat.Text, 20),
                new("Отправлено", ValueFormat.Text, 16), new("Ответственный", ValueFormat.Text, 22), new("Телефон", ValueFormat.Text, 16),
                new("Эл. почта", ValueFormat.Text, 24),
            ], result.Rows.Select((r, i) => new ReportRow(
            [
                ReportValue.Of($"{i + 1}"), ReportValue.Of(r.School.Name), ReportValue.Of(ReportingStatusNames.ToRussian(r.Status)),
                ReportValue.Of(r.Submission?.SubmittedAt is { } at ? RussianFormat.Moment(at) : ""),
                ReportValue.Of(r.School.ResponsiblePerson ?? r.School.Director ?? ""), ReportValue.Of(r.School.Phone ?? ""), ReportValue.Of(r.School.Email ?? ""),
            ], Mark(r.Status))).ToList(), IsMain: blocks.OfType<ReportTable>().All(t => !t.IsMain)));
        }
        return new ReportDocument(context.FileName("monitoring-sdachi"), context.Header("Мониторинг сдачи отчетности"), blocks, Landscape: true);
    }

    /// <summary>What the municipalities owe the region for one form: sent (or loaded) on time, late, not at all.</summary>
    private static async Task<List<ReportBlock>> MunicipalitiesAsync(BuildReport.Context context, Form form, bool main, CancellationToken ct)
    {
        var today = context.Query.Today;
        var rows = await ListObligations.RunAsync(context.Database, new ListObligations.Query(context.Org.Code, form.Code, context.Period.Code, today), ct);
        var described = rows.Select(r => (Row: r, State: Obligations.Describe(r, today))).ToList();
        var late = described.Count(d => d.Row.OnTime == false && d.Row.SubmittedAt is not null);
        var sent = described.Count(d => d.Row.SubmittedAt is not null);
        var deadline = rows.Count > 0 ? RussianFormat.Date(rows[0].Deadline) : RussianFormat.Date(form.DeadlineOf(context.Period));
        return
        [
            new ReportHeading($"{form.Name} за {context.Period.DisplayRu}"),
            new ReportParagraph($"Срок представления: {deadline}. Муниципальных образований: {rows.Count}; " +
                $"сдали в срок: {sent - late}; с опозданием: {late}; не сдали: {rows.Count - sent}."),
            new ReportTable("",
            [
                new("№", ValueFormat.Text, 5), new("Муниципальное образование", ValueFormat.Text, 40), new("Состояние", ValueFormat.Text, 24),
                new("Отправлено", ValueFormat.Text, 16), new("Данные школ", ValueFormat.Text, 14), new("Эл. почта", ValueFormat.Text, 26),
            ], described.Select((d, i) => new ReportRow(
            [
                ReportValue.Of($"{i + 1}"), ReportValue.Of(d.Row.Org.Name), ReportValue.Of(d.State.Text),
                ReportValue.Of(d.Row.SubmittedAt is { } at ? RussianFormat.Moment(at) : ""),
                ReportValue.Of(d.Row.Expected is int e ? $"{d.Row.Covered} из {e}" : ""), ReportValue.Of(d.Row.Org.Email ?? ""),
            ], Obligations.IsLagging(d.State.Key) ? RowMark.Lagging : RowMark.Normal)).ToList(), IsMain: main),
        ];
    }

    private static RowMark Mark(ReportingStatus status) => status switch
    {
        ReportingStatus.NotSubmitted or ReportingStatus.Late or ReportingStatus.AcceptedLate or ReportingStatus.Returned => RowMark.Lagging,
        _ => RowMark.Normal,
    };

    /// <summary>The chosen form, or every form schools fill whose period type is the report period's.</summary>
    private static async Task<IReadOnlyList<Form>> FormsAsync(BuildReport.Context context, CancellationToken ct)
    {
        await using var db = context.Database.CreateContext();
        if (context.Query.FormCode is { } code)
        {
            var form = await db.Forms.AsNoTracking().SingleOrDefaultAsync(f => f.Code == code, ct)
                ?? throw new NotFoundException($"Форма «{code}» не найдена");
            return [form];
        }
        var type = context.Period.Type;
        // Under a region, what its municipalities owe it comes first; under a municipality, its schools' forms.
        var municipal = context.Org.Type is OrgUnitType.Region or OrgUnitType.Country;
        var forms = (await db.Forms.AsNoTracking().Where(f => f.PeriodType == type).OrderBy(f => f.Code).ToListAsync(ct))
            .Where(f => f.Supplier == "school" && f.Elements.Count > 0 || municipal && Obligations.GoesToRegion(f)).ToList();
        return forms.Count > 0 ? forms
            : throw new MissingInputException(MissingInputException.Input.Form, $"Нет форм, которые школы сдают за {context.Period.DisplayRu}");
    }
}
