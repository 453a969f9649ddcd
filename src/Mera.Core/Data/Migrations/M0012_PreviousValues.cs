using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mera.Core.Data.Migrations;

/// <summary>
/// A current value carries the value it replaced, so it is its own latest change and the history keeps only
/// superseded versions (ADR 0017). Each value's latest history row, when it describes the stored version, is folded
/// into the value and removed; anything else in the history stays as it was.
/// </summary>
[DbContext(typeof(MeraDbContext))]
[Migration("20261123000012_PreviousValues")]
public sealed class M0012_PreviousValues : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<double>("previous_value", "data_values", nullable: true);
        m.Sql("""
            CREATE TEMP TABLE fold_history AS
            SELECT h.id AS history_id, d.id AS value_id, h.old_value
            FROM data_values d
            JOIN data_value_history h ON h.id = (SELECT max(l.id) FROM data_value_history l
                WHERE l.org_unit_id = d.org_unit_id AND l.element_id = d.element_id AND l.period_code = d.period_code)
            WHERE h.new_value = d.value AND h.source = d.source AND h.changed_by = d.changed_by
              AND (h.import_batch_id = d.import_batch_id OR (h.import_batch_id IS NULL AND d.import_batch_id IS NULL))
            """);
        m.Sql("""
            UPDATE data_values SET previous_value = (SELECT f.old_value FROM fold_history f WHERE f.value_id = data_values.id)
            WHERE id IN (SELECT value_id FROM fold_history)
            """);
        m.Sql("DELETE FROM data_value_history WHERE id IN (SELECT history_id FROM fold_history)");
        m.Sql("DROP TABLE fold_history");
    }

    protected override void Down(MigrationBuilder m)
    {
        // Every current version goes back into the history as the row that created it.
        m.Sql("""
            INSERT INTO data_value_history (org_unit_id, element_id, period_code, old_value, new_value, source, import_batch_id, source_file, changed_by, changed_at)
            SELECT org_unit_id, element_id, period_code, previous_value, value, source, import_batch_id, source_file, changed_by, changed_at FROM data_values
            """);
        // Plain SQL: EF's SQLite generator refuses DropColumn, while SQLite itself drops a column since 3.35.
        m.Sql("ALTER TABLE data_values DROP COLUMN previous_value");
    }
}
