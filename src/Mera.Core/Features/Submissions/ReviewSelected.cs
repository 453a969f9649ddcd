using Mera.Core.Data;

namespace Mera.Core.Features.Submissions;

/// <summary>
/// Bulk accept, return or reopen of the rows a receiver ticked on a screen («Сдача», «Сроки»). A pick is «id:version»;
/// only ids the screen showed to this user are acted on, so a guessed id is ignored, never decided.
/// </summary>
public static class ReviewSelected
{
    public sealed record Result(int Done, IReadOnlyList<string> Problems)
    {
        public string Message => $"Обработано отчётов: {Done}." + (Problems.Count > 0 ? " " + string.Join(" ", Problems) : "");
    }

    public static ReviewSubmission.Decision DecisionOf(string? action) => action switch
    {
        "accept" => ReviewSubmission.Decision.Accept,
        "reopen" => ReviewSubmission.Decision.Reopen,
        _ => ReviewSubmission.Decision.Return,
    };

    /// <param name="shown">The submissions on the screen, by id, with the name of who sent each.</param>
    public static async Task<Result> RunAsync(MeraDb database, IEnumerable<string> picks, IReadOnlyDictionary<int, string> shown,
        ReviewSubmission.Decision decision, string user, string? comment, TimeProvider clock, CancellationToken ct = default)
    {
        var (done, problems) = (0, new List<string>());
        foreach (var pick in picks)
        {
            var parts = pick.Split(':');
            if (parts.Length != 2 || !int.TryParse(parts[0], out var id) || !int.TryParse(parts[1], out var version) || !shown.TryGetValue(id, out var sender))
            {
                continue;
            }
            try
            {
                await ReviewSubmission.RunAsync(database, new ReviewSubmission.Command(id, decision, version, user, comment), clock, ct);
                done++;
            }
            catch (OperationRefusedException ex)
            {
                problems.Add($"{sender}: {ex.Message}");
            }
        }
        return new Result(done, problems);
    }
}
