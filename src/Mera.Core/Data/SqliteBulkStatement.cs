using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Mera.Core.Data;

/// <summary>
/// One prepared SQLite statement driven through the native API: bind by position, step, reset. For millions of
/// rows this skips the per-execution work of ADO.NET (parameter lookup by name, a data reader per call), which
/// bench/run.sh showed to be most of an import's time. Runs inside the connection's current transaction.
/// Text formats match what Microsoft.Data.Sqlite writes for the same CLR types, so EF reads the rows back as usual.
/// </summary>
internal sealed class SqliteBulkStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;

    public SqliteBulkStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(_db, sql, out _stmt));
    }

    public SqliteBulkStatement Bind(int index, long value)
    {
        Check(raw.sqlite3_bind_int64(_stmt, index, value));
        return this;
    }

    public SqliteBulkStatement BindId(int index, long? value)
    {
        Check(value is long v ? raw.sqlite3_bind_int64(_stmt, index, v) : raw.sqlite3_bind_null(_stmt, index));
        return this;
    }

    public SqliteBulkStatement Bind(int index, double? value)
    {
        Check(value is double v ? raw.sqlite3_bind_double(_stmt, index, v) : raw.sqlite3_bind_null(_stmt, index));
        return this;
    }

    public SqliteBulkStatement Bind(int index, string? value)
    {
        Check(value is null ? raw.sqlite3_bind_null(_stmt, index) : raw.sqlite3_bind_text(_stmt, index, value));
        return this;
    }

    /// <summary>Text already encoded as UTF-8 (see <see cref="SqlitePeriodTexts"/>): nothing to convert per row.</summary>
    public SqliteBulkStatement Bind(int index, byte[] utf8)
    {
        Check(raw.sqlite3_bind_text(_stmt, index, utf8));
        return this;
    }

    public static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Text(DateTimeOffset moment) => moment.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    public void Run()
    {
        var rc = raw.sqlite3_step(_stmt);
        raw.sqlite3_reset(_stmt);
        if (rc != raw.SQLITE_DONE)
        {
            throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc);
        }
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc);
        }
    }

    public void Dispose() => _stmt.Dispose();
}

/// <summary>
/// A period's code and anchor date as SQLite stores them, formatted and encoded to UTF-8 once per distinct period
/// instead of once per row: a national file names a dozen periods in half a million rows.
/// </summary>
internal sealed class SqlitePeriodTexts
{
    private readonly Dictionary<Domain.Period, (byte[] Code, byte[] Anchor)> _texts = [];

    public (byte[] Code, byte[] Anchor) Of(Domain.Period period)
    {
        if (!_texts.TryGetValue(period, out var texts))
        {
            _texts[period] = texts = (System.Text.Encoding.UTF8.GetBytes(period.Code),
                System.Text.Encoding.UTF8.GetBytes(SqliteBulkStatement.Text(period.Anchor)));
        }
        return texts;
    }
}
