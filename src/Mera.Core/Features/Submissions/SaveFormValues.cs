using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Values;
using Mera.Core.Reading;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Submissions;

/// <summary>
/// A school saves its form (draft) or submits it. The same rules as imports: an error blocks the save and is shown
/// at its field; a warning asks for a comment, and with one the values are saved and the comment kept on them.
/// Accepted forms are locked until the receiver reopens them.
/// </summary>
public static class SaveFormValues
{
    public sealed record Command(OrgUnit School, string FormCode, string PeriodCode, IReadOnlyDictionary<string, string?> Values,
        string? Comment, bool Submit, string User, Writer? Writer = null);

    public sealed record Result(bool Saved, IReadOnlyDictionary<string, string> Errors, IReadOnlyList<string> Warnings,
        bool NeedsComment, int Changed, SubmissionState? State);

    public static async Task<Result> RunAsync(MeraDb database, Command command, TimeProvider clock, CancellationToken ct = default)
    {
        var entry = await LoadFormEntry.RunAsync(database, command.School, command.FormCode, command.PeriodCode, ct);
        if (entry.Submission is { State: SubmissionState.Accepted or SubmissionState.Submitted } locked)
        {
            throw new OperationRefusedException(locked.State == SubmissionState.Accepted
                ? "Форма принята и закрыта для изменений: чтобы исправить данные, попросите отдел образования вернуть её"
                : "Форма отправлена и ждёт проверки: изменить её можно после возврата на доработку");
        }
        var errors = new Dictionary<string, string>();
        var records = new List<ValueRecord>();
        var number = 0;
        foreach (var line in entry.Lines)
        {
            number++; // rules only look at values that carry a line of their own
            var text = command.Values.GetValueOrDefault(line.Element.Code)?.Trim() ?? "";
            if (text.Length == 0)
            {
                if (command.Submit)
                {
                    errors[line.Element.Code] = "заполните значение перед отправкой";
                }
                continue;
            }
            if (ValueParsing.Parse(text, line.Element, out var error) is double value)
            {
                records.Add(new ValueRecord(command.School.Id, line.Element, line.At, value, number));
            }
            else
            {
                errors[line.Element.Code] = error!;
            }
        }
        if (errors.Count > 0)
        {
            return new Result(false, errors, [], false, 0, entry.Submission?.State);
        }
        // One pass: the rules run against the stored values, a warning without a comment holds the save (the school
        // is asked to explain), and otherwise the values and the submission state commit together — a save never
        // lands in a form that another request has just submitted or an officer has just accepted.
        var state = SubmissionState.Draft;
        var comment = string.IsNullOrWhiteSpace(command.Comment) ? null : command.Comment.Trim();
        var request = new ValueWrite.Request(new ValueWrite.ByEntry($"форма «{entry.Form.Name}»", comment), records, [],
            command.Writer ?? new Writer(command.User, WriteChannel.Entry), ValueSource.Entry)
        {
            HoldWarningsWithoutComment = true,
            AlsoInTransaction = async (db, token) => state = await UpdateSubmissionAsync(db, command, entry, clock, token),
        };
        var rowOf = NameOf(entry);
        ValueWrite.Result saved;
        try
        {
            saved = await ValueWrite.RunAsync(database, request, clock, ct);
        }
        catch (ImportRefusedException refused)
        {
            foreach (var issue in refused.Issues.Where(i => i.Severity == IssueSeverity.Error))
            {
                errors[issue.Column ?? ""] = issue.TextWith(rowOf);
            }
            return new Result(false, errors, [], false, 0, entry.Submission?.State);
        }
        catch (DbUpdateException)
        {
            // Another save of the same form won the race (a newer version, or the first submission row): nothing of
            // this one was kept, and the school is told so instead of seeing an error page.
            throw new OperationRefusedException("Форму одновременно сохранил другой пользователь: обновите страницу и сохраните ещё раз");
        }
        var warnings = saved.Warnings.Select(w => w.TextWith(rowOf)).ToList();
        return saved.Held
            ? new Result(false, errors, warnings, NeedsComment: true, 0, entry.Submission?.State)
            : new Result(true, errors, warnings, false, saved.ValuesWritten, state);
    }

    /// <summary>A value named as the form's row shows it: «стр. 2 (Количество обучающихся, не выполнявших…)».</summary>
    private static Func<string, string> NameOf(LoadFormEntry.Result entry)
    {
        var rows = entry.Lines.Select((line, i) => (line.Element.Code, Text: $"стр. {i + 1} «{Formatting.RussianFormat.Shortened(line.Element.Name, 60)}»"))
            .ToDictionary(r => r.Code, r => r.Text);
        return code => rows.GetValueOrDefault(code, "другой подпоказатель");
    }

    private static async Task<SubmissionState> UpdateSubmissionAsync(MeraDbContext db, Command command, LoadFormEntry.Result entry,
        TimeProvider clock, CancellationToken ct)
    {
        var submission = await db.Submissions.SingleOrDefaultAsync(
            s => s.OrgUnitId == command.School.Id && s.FormCode == entry.Form.Code && s.PeriodCode == entry.Period.Code, ct);
        if (submission is { State: SubmissionState.Submitted or SubmissionState.Accepted })
        {
            throw new OperationRefusedException(submission.State == SubmissionState.Accepted
                ? "Форма уже принята отделом образования: изменения не сохранены"
                : "Форма уже отправлена: изменения не сохранены");
        }
        if (submission is null)
        {
            submission = new Submission { OrgUnitId = command.School.Id, FormCode = entry.Form.Code, PeriodCode = entry.Period.Code };
            db.Submissions.Add(submission);
        }
        if (command.Submit)
        {
            submission.State = SubmissionState.Submitted;
            submission.SubmittedAt = clock.GetUtcNow();
            submission.SubmittedBy = command.User;
            db.AuditLog.Add(AuditEntry.Of(clock, command.User, "submission.submit", "submission", $"{entry.Form.Code}/{entry.Period.Code}",
                $"{entry.Form.Code} {entry.Period.Code}: {SubmissionStateNames.ToRussian(SubmissionState.Submitted)}", command.School.Id));
        }
        else if (submission.State != SubmissionState.Returned)
        {
            submission.State = SubmissionState.Draft;
        }
        submission.Version++;
        await db.SaveChangesAsync(ct);
        return submission.State;
    }
}
