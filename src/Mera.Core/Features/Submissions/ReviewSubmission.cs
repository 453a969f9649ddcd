using Mera.Core.Data;
using Mera.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Submissions;

/// <summary>
/// The receiver accepts a submitted form, returns it with a comment, or reopens an accepted one (audited by who
/// and when). Two officers deciding at once: the version check lets one win and tells the other.
/// </summary>
public static class ReviewSubmission
{
    public enum Decision { Accept, Return, Reopen }

    public sealed record Command(int SubmissionId, Decision Decision, int ExpectedVersion, string User, string? Comment = null);

    public static async Task<Submission> RunAsync(MeraDb database, Command command, TimeProvider clock, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var s = await db.Submissions.SingleOrDefaultAsync(x => x.Id == command.SubmissionId, ct)
            ?? throw new NotFoundException("Отчёт не найден");
        if (s.Version != command.ExpectedVersion)
        {
            throw new OperationRefusedException("Данные изменены другим пользователем: обновите страницу и проверьте состояние отчёта");
        }
        var allowed = command.Decision switch
        {
            Decision.Accept => s.State == SubmissionState.Submitted,
            Decision.Return => s.State is SubmissionState.Submitted or SubmissionState.Accepted,
            _ => s.State == SubmissionState.Accepted,
        };
        if (!allowed)
        {
            throw new OperationRefusedException($"Действие недоступно: отчёт в состоянии «{SubmissionStateNames.ToRussian(s.State)}»");
        }
        if (command.Decision == Decision.Return && string.IsNullOrWhiteSpace(command.Comment))
        {
            throw new OperationRefusedException("Укажите, что нужно исправить: комментарий увидит школа");
        }
        // Reopening unlocks accepted data for the school: it goes back as «возвращено на доработку».
        s.State = command.Decision == Decision.Accept ? SubmissionState.Accepted : SubmissionState.Returned;
        s.DecidedAt = clock.GetUtcNow();
        s.DecidedBy = command.User;
        // The receiver's latest word is the one shown: an accept replaces the old return comment (which stays in the journal).
        s.Comment = command.Decision == Decision.Reopen ? $"Открыто повторно: {command.User}"
            : string.IsNullOrWhiteSpace(command.Comment) ? null : command.Comment.Trim();
        s.Version++;
        db.AuditLog.Add(AuditEntry.Of(clock, command.User, $"submission.{command.Decision.ToString().ToLowerInvariant()}", "submission",
            s.Id.ToString(), $"{s.FormCode} {s.PeriodCode}: {SubmissionStateNames.ToRussian(s.State)}; {s.Comment}", s.OrgUnitId));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new OperationRefusedException("Данные изменены другим пользователем: обновите страницу и проверьте состояние отчёта");
        }
        if (command.Decision != Decision.Reopen)
        {
            await Notifications.QueueWorkflowNotice.RunAsync(database, s,
                command.Decision == Decision.Accept ? Notifications.QueueWorkflowNotice.Accepted : Notifications.QueueWorkflowNotice.Returned, clock, ct);
        }
        return s;
    }
}
