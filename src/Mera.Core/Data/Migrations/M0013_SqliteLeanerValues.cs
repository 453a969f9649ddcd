using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mera.Core.Data.Migrations;

/// <summary>
/// Two write costs of SQLite's values table that buy nothing there (ADR 0018), each about 0,25 s of a 560 000-value
/// import:
/// - AUTOINCREMENT reads and writes its counter row on every insert, to promise that no id is ever used twice. No
///   table refers to a value's id (the history names values by key), so a plain rowid is enough. SQLite cannot
///   alter a key, so the table is rebuilt.
/// - The import-batch index serves only `imports undo`, a rare act that may as well scan the table (a national one
///   in a fraction of a second); every insert paid for it.
/// PostgreSQL keeps its identity column and the index: neither is what its import waits for.
/// </summary>
[DbContext(typeof(MeraDbContext))]
[Migration("20261123000013_SqliteLeanerValues")]
public sealed class M0013_SqliteLeanerValues : Migration
{
    private const string Sqlite = "Microsoft.EntityFrameworkCore.Sqlite";

    private const string Columns = """
        org_unit_id, element_id, period_code, period_type, period_anchor, value, comment, source, import_batch_id,
        source_file, changed_by, changed_at, previous_value
        """;

    protected override void Up(MigrationBuilder m)
    {
        if (m.ActiveProvider != Sqlite)
        {
            return;
        }
        m.Sql("""
            CREATE TABLE data_values_rebuilt (
                id INTEGER NOT NULL CONSTRAINT pk_data_values PRIMARY KEY,
                org_unit_id INTEGER NOT NULL,
                element_id INTEGER NOT NULL,
                period_code TEXT NOT NULL,
                period_type INTEGER NOT NULL,
                period_anchor TEXT NOT NULL,
                value REAL NOT NULL,
                comment TEXT NULL,
                source INTEGER NOT NULL,
                import_batch_id INTEGER NULL,
                source_file TEXT NULL,
                changed_by TEXT NOT NULL,
                changed_at TEXT NOT NULL,
                previous_value REAL NULL,
                CONSTRAINT fk_data_values_org FOREIGN KEY (org_unit_id) REFERENCES org_units (id) ON DELETE RESTRICT,
                CONSTRAINT fk_data_values_element FOREIGN KEY (element_id) REFERENCES data_elements (id) ON DELETE RESTRICT
            )
            """);
        m.Sql($"INSERT INTO data_values_rebuilt (id, {Columns}) SELECT id, {Columns} FROM data_values");
        m.Sql("DROP TABLE data_values");
        m.Sql("ALTER TABLE data_values_rebuilt RENAME TO data_values");
        m.Sql("CREATE UNIQUE INDEX ix_data_values_key ON data_values (org_unit_id, element_id, period_code)");
        m.Sql("DELETE FROM sqlite_sequence WHERE name = 'data_values'");
    }

    protected override void Down(MigrationBuilder m)
    {
        if (m.ActiveProvider == Sqlite)
        {
            // The earlier code reads and writes a rowid table the same way; only the index comes back.
            m.Sql("CREATE INDEX ix_data_values_batch ON data_values (import_batch_id)");
        }
    }
}
