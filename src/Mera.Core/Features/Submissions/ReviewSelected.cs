using Mera.Core.Data;
using Mera.Core.Formatting;

namespace Mera.Core.Features.Submissions;

/// <summary>
/// Bulk accept, return or reopen of the rows a receiver ticked on a screen («Сдача», «Сроки»). A pick is «id:version»;
/// only ids the screen showed to this user are acted on, so a guessed id is ignored, never decided. Nothing ticked, or
/// a return without a comment, is refused as a whole before anything changes; a return of several reports is
/// confirmed first (<see cref="Confirmation"/>).
/// </summary>
public static class ReviewSelected
{
    public sealed record Result(ReviewSubmission.Decision Decision, int Done, IReadOnlyList<string> Problems)
    {
        public string Message => Decision switch
        {
            ReviewSubmission.Decision.Accept => "Принято отчётов",
            ReviewSubmission.Decision.Return => "Возвращено на доработку отчётов",
            _ => "Открыто повторно отчётов",
        } + $": {Done}." + (Problems.Count > 0 ? " Не обработаны: " + string.Join(" ", Problems) : "");
    }

    public static ReviewSubmission.Decision DecisionOf(string? action) => action switch
    {
        "accept" => ReviewSubmission.Decision.Accept,
        "reopen" => ReviewSubmission.Decision.Reopen,
        _ => ReviewSubmission.Decision.Return,
    };

    /// <summary>Whether this decision on these picks waits for a second press: returning sends work back to schools.</summary>
    private static bool NeedsConfirmation(ReviewSubmission.Decision decision) => decision == ReviewSubmission.Decision.Return;

    /// <summary>The question asked before a return: how many reports, whose, and the comment they will read.</summary>
    /// <param name="senders">Who sent the reports, as a plural subject: «школы», «муниципалитеты».</param>
    private static string Confirmation(IEnumerable<string> picks, IReadOnlyDictionary<int, string> shown, string? comment, string senders)
    {
        var names = Picked(picks, shown).Select(p => p.Sender).ToList();
        Check(names.Count, ReviewSubmission.Decision.Return, comment);
        var listed = string.Join(", ", names.Take(5)) + (names.Count > 5 ? $" и ещё {names.Count - 5}" : "");
        return $"Вернуть на доработку {RussianFormat.Count(names.Count, "отчёт", "отчёта", "отчётов")} ({listed}) с комментарием «{comment!.Trim()}»? "
            + $"{RussianFormat.Sentence(senders)} увидят комментарий и смогут снова изменить данные.";
    }

    /// <summary>A screen's request: the question to ask first (a return not yet confirmed), or the decision taken.</summary>
    public sealed record Request(IReadOnlyList<string> Picks, IReadOnlyDictionary<int, string> Shown, string? Action, bool Confirmed,
        string User, string? Comment, string Senders);

    /// <summary>Either <c>Question</c> (ask, nothing changed) or <c>Done</c>; a refusal as a whole is thrown.</summary>
    public sealed record Answer(string? Question, Result? Done);

    public static async Task<Answer> AskOrRunAsync(MeraDb database, Request r, TimeProvider clock, CancellationToken ct = default)
    {
        var decision = DecisionOf(r.Action);
        return NeedsConfirmation(decision) && !r.Confirmed
            ? new Answer(Confirmation(r.Picks, r.Shown, r.Comment, r.Senders), null)
            : new Answer(null, await RunAsync(database, r.Picks, r.Shown, decision, r.User, r.Comment, clock, ct));
    }

    /// <param name="shown">The submissions on the screen, by id, with the name of who sent each.</param>
    public static async Task<Result> RunAsync(MeraDb database, IEnumerable<string> picks, IReadOnlyDictionary<int, string> shown,
        ReviewSubmission.Decision decision, string user, string? comment, TimeProvider clock, CancellationToken ct = default)
    {
        var picked = Picked(picks, shown);
        Check(picked.Count, decision, comment);
        var (done, problems) = (0, new List<string>());
        foreach (var (id, version, sender) in picked)
        {
            try
            {
                await ReviewSubmission.RunAsync(database, new ReviewSubmission.Command(id, decision, version, user, comment), clock, ct);
                done++;
            }
            catch (OperationRefusedException ex)
            {
                problems.Add($"{sender}: {ex.Message}.");
            }
        }
        return new Result(decision, done, problems);
    }

    private static void Check(int picked, ReviewSubmission.Decision decision, string? comment)
    {
        if (picked == 0)
        {
            throw new OperationRefusedException("Не выбран ни один отчёт: отметьте нужные строки в таблице");
        }
        if (decision == ReviewSubmission.Decision.Return && string.IsNullOrWhiteSpace(comment))
        {
            throw new OperationRefusedException("Напишите в комментарии, что нужно исправить: его увидит тот, кто сдал отчёт. Ничего не возвращено");
        }
    }

    private static List<(int Id, int Version, string Sender)> Picked(IEnumerable<string> picks, IReadOnlyDictionary<int, string> shown) =>
        picks.Select(pick => pick.Split(':'))
            .Where(parts => parts.Length == 2 && int.TryParse(parts[0], out _) && int.TryParse(parts[1], out _))
            .Select(parts => (Id: int.Parse(parts[0]), Version: int.Parse(parts[1])))
            .Where(p => shown.ContainsKey(p.Id))
            .DistinctBy(p => p.Id)
            .Select(p => (p.Id, p.Version, shown[p.Id]))
            .ToList();
}
