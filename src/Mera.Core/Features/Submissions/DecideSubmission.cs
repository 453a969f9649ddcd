using Mera.Core.Domain;
using Mera.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Submissions;

/// <summary>
/// `./mera submissions accept|return|reopen`: the receiver's decision on the submission of an org, form and period —
/// the same rules as the monitor's buttons (<see cref="ReviewSubmission"/>), found by its key instead of its id.
/// </summary>
public static class DecideSubmission
{
    public sealed record Command(string OrgCode, string FormCode, string PeriodCode, ReviewSubmission.Decision Decision, string User, string? Comment);

    public static async Task<Submission> RunAsync(MeraDb database, Command c, TimeProvider clock, CancellationToken ct = default)
    {
        var (org, form, period) = await SubmitForm.ResolveAsync(database, c.OrgCode, c.FormCode, c.PeriodCode, ct);
        await using var db = database.CreateContext();
        var submission = await db.Submissions.AsNoTracking().SingleOrDefaultAsync(s => s.OrgUnitId == org.Id && s.FormCode == form.Code && s.PeriodCode == period.Code, ct)
            ?? throw new OperationRefusedException($"«{org.Name}» не отправляла «{form.Name}» за {period.DisplayRu}");
        return await ReviewSubmission.RunAsync(database, new ReviewSubmission.Command(submission.Id, c.Decision, submission.Version, c.User, c.Comment), clock, ct);
    }
}
