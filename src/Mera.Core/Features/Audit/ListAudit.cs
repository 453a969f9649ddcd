using Mera.Core.Data;
using Mera.Core.Domain;
using Mera.Core.Features.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Features.Audit;

/// <summary>
/// What changed in a subtree since a date, newest first: the audit log (submission states, targets, roadmap,
/// decisions, agreements, users and roles) merged with the changes of values (each value's old and new value, who,
/// and the file or form it came from): the superseded ones from the history, the latest from the values themselves.
/// </summary>
public static class ListAudit
{
    /// <summary>`Action`: only actions whose code starts with it (`value.`, `submission.` …), applied before the limit.</summary>
    public sealed record Query(string OrgCode, DateOnly Since, DateOnly? Until = null, int Limit = 1000, string? Action = null);

    /// <summary>The journal's columns, the same in the CLI table, its CSV and the page's CSV export.</summary>
    public static readonly string[] Columns = ["Когда", "Кто", "Действие", "Организация", "Объект", "Было", "Стало", "Источник"];

    public sealed record Row(DateTimeOffset At, string User, string Action, string Org, string OrgName, string Object,
        string? Old, string? New, string? Source)
    {
        /// <summary>The action as an official reads it («значение из файла», «форма принята»); `Action` keeps the code.</summary>
        public string ActionName => Action switch
        {
            "value.import" => "значение из файла",
            "value.entry" => "значение из формы",
            "value.demo" => "демонстрационное значение",
            "submission.submit" => "форма отправлена",
            "submission.accept" => "форма принята",
            "submission.return" => "форма возвращена",
            "submission.reopen" => "форма открыта повторно",
            "target.set" => "план изменён",
            "user.add" => "пользователь создан",
            "user.reset_password" => "пароль сброшен",
            "user.lock" => "пользователь заблокирован",
            "user.unlock" => "пользователь разблокирован",
            "user.api_token" => "выпущен API-токен",
            "user.api_token_revoke" => "API-токен отозван",
            "user.phone" => "телефон в профиле изменён",
            "roadmap.import" => "дорожная карта загружена",
            "roadmap.report" => "мероприятие выполнено",
            "roadmap.evidence" => "документ к мероприятию",
            "decisions.import" => "решения загружены",
            "decision.report" => "отчёт по решению",
            "agreement.import" => "соглашение загружено",
            "catalog.element" => "подпоказатель изменён",
            "catalog.indicator" => "показатель изменён",
            "catalog.formula" => "формула показателя изменена",
            "catalog.formula_remove" => "версия формулы удалена",
            "catalog.form" => "форма изменена",
            "catalog.element.add" => "подпоказатель добавлен",
            "catalog.indicator.add" => "показатель добавлен",
            "catalog.form.add" => "форма добавлена",
            // An action this list does not know yet is still not shown as a code.
            _ => "изменение",
        };

        /// <summary>The row under <see cref="Columns"/> (a method, so JSON output keeps the fields only).</summary>
        public string[] ToCells() => [Formatting.RussianFormat.Moment(At), User, ActionName, OrgName, Object, Old ?? "", New ?? "", Source ?? ""];
    }

    public static async Task<IReadOnlyList<Row>> RunAsync(MeraDb database, Query query, CancellationToken ct = default)
    {
        await using var db = database.CreateContext();
        var root = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Code == query.OrgCode, ct)
            ?? throw new NotFoundException($"Организация с кодом «{query.OrgCode}» не найдена");
        var start = new DateTimeOffset(query.Since.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset((query.Until ?? DateOnly.MaxValue.AddDays(-1)).AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var path = root.Path;
        // Actions without an org (made before orgs were recorded) are shown only at the top of the tree.
        var isRoot = root.ParentId is null;
        // SQLite keeps DateTimeOffset as ISO text (always UTC here), which EF cannot compare: the time window is
        // plain SQL on both providers, and rows are ordered by id, which grows with time in these append-only tables.
        object From(DateTimeOffset t) => database.Settings.IsEmbedded ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + "+00:00" : t;
        var audit = db.AuditLog.FromSqlRaw("SELECT * FROM audit_log WHERE at >= {0} AND at < {1}", From(start), From(end)).AsNoTracking();
        var action = string.IsNullOrWhiteSpace(query.Action) ? null : query.Action.Trim();
        if (action is not null)
        {
            audit = audit.Where(a => a.Action.StartsWith(action));
        }
        var entries = await (from a in audit
                             join o in db.OrgUnits.AsNoTracking() on a.OrgUnitId equals o.Id into orgs
                             from o in orgs.DefaultIfEmpty()
                             where o != null ? o.Path.StartsWith(path) : isRoot
                             orderby a.Id descending
                             select new { a, Code = o != null ? o.Code : "", Name = o != null ? o.Name : "" }).Take(query.Limit).ToListAsync(ct);
        // The value sources whose action code passes the filter, as a bit mask the query tests (0: no value rows).
        var sourceMask = Enum.GetValues<ValueSource>().Where(s => action is null || ActionOf(s).StartsWith(action, StringComparison.Ordinal))
            .Aggregate(0, (mask, s) => mask | 1 << (int)s);
        // ISO text in one format orders like the moments it holds, so ORDER BY works on SQLite's text and PostgreSQL's timestamps.
        var values = sourceMask == 0 ? [] : await db.Database.SqlQueryRaw<ValueEvent>($$"""
            SELECT x.*, o.code AS "OrgCode", o.name AS "OrgName", e.code AS "ElementCode"
            FROM ({{ChangesSql}}) x
            JOIN org_units o ON o.id = x."OrgUnitId"
            JOIN data_elements e ON e.id = x."ElementId"
            WHERE substr(o.path, 1, length({2})) = {2} AND ({4} & (1 << x."Source")) <> 0
            ORDER BY x."ChangedAt" DESC
            LIMIT {3}
            """, From(start), From(end), path, query.Limit, sourceMask).ToListAsync(ct);
        var rows = entries.Select(x => new Row(x.a.At, x.a.User, x.a.Action, x.Code, x.Name, $"{x.a.Entity} {x.a.EntityId}".Trim(), null, x.a.Details, null))
            .Concat(values.Select(x => new Row(x.ChangedAt, x.ChangedBy, ActionOf(x.Source), x.OrgCode, x.OrgName, $"{x.ElementCode} {x.PeriodCode}", Number(x.OldValue), Number(x.NewValue),
                x.SourceFile is null ? x.ImportBatchId is long b ? $"загрузка № {b}" : null : x.ImportBatchId is long id ? $"{x.SourceFile} (загрузка № {id})" : x.SourceFile)));
        return rows.OrderByDescending(r => r.At).Take(query.Limit).ToList();
    }

    /// <summary>Every change of a value in the window: superseded ones from the history, the latest on the value itself.</summary>
    private const string ChangesSql = """
        SELECT org_unit_id AS "OrgUnitId", element_id AS "ElementId", period_code AS "PeriodCode", old_value AS "OldValue", new_value AS "NewValue",
          source AS "Source", import_batch_id AS "ImportBatchId", source_file AS "SourceFile", changed_by AS "ChangedBy", changed_at AS "ChangedAt"
        FROM data_value_history WHERE changed_at >= {0} AND changed_at < {1}
        UNION ALL
        SELECT org_unit_id, element_id, period_code, previous_value, value, source, import_batch_id, source_file, changed_by, changed_at
        FROM data_values WHERE changed_at >= {0} AND changed_at < {1}
        """;

    private sealed class ValueEvent
    {
        public int OrgUnitId { get; init; }
        public int ElementId { get; init; }
        public required string PeriodCode { get; init; }
        public double? OldValue { get; init; }
        public double? NewValue { get; init; }
        public ValueSource Source { get; init; }
        public long? ImportBatchId { get; init; }
        public string? SourceFile { get; init; }
        public required string ChangedBy { get; init; }
        public DateTimeOffset ChangedAt { get; init; }
        public required string OrgCode { get; init; }
        public required string OrgName { get; init; }
        public required string ElementCode { get; init; }
    }

    private static string ActionOf(ValueSource source) => source switch
    {
        ValueSource.Import => "value.import",
        ValueSource.Entry => "value.entry",
        _ => "value.demo",
    };

    private static string? Number(double? value) => value?.ToString("0.##########", System.Globalization.CultureInfo.InvariantCulture);
}
