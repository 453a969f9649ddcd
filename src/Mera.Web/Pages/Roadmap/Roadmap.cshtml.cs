using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features;
using Mera.Core.Features.Decisions;
using Mera.Core.Features.Indicators;
using Mera.Core.Features.Roadmap;
using Mera.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mera.Web.Pages.Roadmap;

/// <summary>The roadmap as a table and as a timeline by month, and the collegium's decision items, with their status today.</summary>
[RequestSizeLimit(RoadmapEvidenceFiles.MaxBytes + 1024 * 1024)]
public sealed class RoadmapModel(MeraDb database, CurrentUser current, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Org { get; set; }
    [BindProperty(SupportsGet = true)] public string? AsOf { get; set; }

    public OrgUnit Unit { get; private set; } = null!;
    public DateOnly Day { get; private set; }
    public IReadOnlyList<ListRoadmap.Item> Items { get; private set; } = [];
    public IReadOnlyList<ListDecisions.Item> Decisions { get; private set; } = [];
    public bool CanReport { get; private set; }
    public (DateOnly From, DateOnly To) Span { get; private set; }
    public string? Message { get; private set; }
    public IReadOnlyList<RoadmapEvidenceFiles.Info> Evidence { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostEvidenceAsync(string number, IFormFile? file, CancellationToken ct) => await ActAsync(async scope =>
    {
        if (file is null)
        {
            throw new OperationRefusedException("Выберите файл");
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        await RoadmapEvidenceFiles.AddAsync(database, Unit.Id, number, file.FileName, file.ContentType, buffer.ToArray(), scope.Login, clock, ct);
    }, ct);

    /// <summary>A proving document, sent only when its item belongs to an org the user sees.</summary>
    public async Task<IActionResult> OnGetFileAsync(int id, CancellationToken ct)
    {
        Unit = await current.OrgAsync(Org, ct);
        var file = await RoadmapEvidenceFiles.ReadAsync(database, Unit.Id, id, ct) ?? throw new NotVisibleException();
        return File(file.Content, "application/octet-stream", file.FileName);
    }

    public async Task<IActionResult> OnPostDoneAsync(string number, string? comment, CancellationToken ct) => await ActAsync(scope =>
        ReportRoadmapItem.RunAsync(database, new ReportRoadmapItem.Command(Unit.Code, number, Day, comment, scope.Login), clock, ct), ct);

    public async Task<IActionResult> OnPostReportAsync(int item, string note, CancellationToken ct) => await ActAsync(async scope =>
    {
        if (Decisions.All(d => d.Id != item))
        {
            throw new NotVisibleException();
        }
        await ReportDecisionItem.RunAsync(database, new ReportDecisionItem.Command(item, Day, note, scope.Login), clock, ct);
    }, ct);

    private async Task<IActionResult> ActAsync(Func<Core.Features.Access.AccessScope, Task> action, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!CanReport)
        {
            throw new ForbiddenException("нет прав отмечать исполнение");
        }
        try
        {
            await action(await current.ScopeAsync(ct));
            TempData["Message"] = "Отметка об исполнении сохранена.";
        }
        catch (Exception ex) when (Errors.IsForUser(ex))
        {
            TempData["Message"] = Errors.Describe(ex);
        }
        return Redirect($"/roadmap?org={Unit.Code}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Unit = await current.OrgAsync(Org, ct);
        var scope = await current.ScopeAsync(ct);
        CanReport = scope.Role is Roles.Admin or Roles.Municipality or Roles.Region && scope.Sees(Unit);
        Day = Core.Reading.CellParsing.TryDate(AsOf ?? "", out var d) ? d : clock.Today();
        Items = await ListRoadmap.RunAsync(database, Unit.Code, Day, ct);
        Decisions = await ListDecisions.RunAsync(database, Unit.Code, Day, ct);
        Evidence = await RoadmapEvidenceFiles.ListAsync(database, Unit.Id, ct);
        var dates = Items.SelectMany(i => new[] { i.Start, i.End, i.NextDeadline }).OfType<DateOnly>().ToList();
        Span = dates.Count == 0 ? (Day, Day) : (new DateOnly(dates.Min().Year, dates.Min().Month, 1), new DateOnly(dates.Max().Year, dates.Max().Month, 1).AddMonths(1).AddDays(-1));
        Message = TempData["Message"] as string;
    }

    /// <summary>Left offset and width of a bar, in percent of the timeline.</summary>
    public (int Left, int Width) Bar(DateOnly? start, DateOnly? end)
    {
        var total = Math.Max(1, Span.To.DayNumber - Span.From.DayNumber);
        var from = (start ?? end ?? Span.From).DayNumber - Span.From.DayNumber;
        var to = (end ?? start ?? Span.To).DayNumber - Span.From.DayNumber;
        var left = Math.Clamp(from * 100 / total, 0, 99);
        return (left, Math.Clamp((to - from) * 100 / total, 1, 100 - left));
    }
}
