using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mera.Core.Data.Migrations;

/// <summary>
/// PostgreSQL's values table paid, per inserted row, for two foreign-key checks (26 of 46 s of the 1,52 M-value import:
/// each is a query and a row lock on the org or element) and two indexes nobody reads on a hot path (7 s): the
/// import-batch index (`imports undo` scans instead, as SQLite has since M0013) and the (element, anchor) index
/// (reads go by the (org, element, period) key or scan, as on SQLite since M0008). The primary key becomes that natural
/// key (1,5 s more): nothing reads or refers to a value by its id, which stays as a plain column. ADR 0028.
/// The foreign keys' promise stays: an org unit or a catalog element that has values cannot be deleted or renumbered —
/// a trigger on each refuses it, paid on the rare delete instead of on every value. The importer resolves every
/// org and element to an existing row before writing, and neither table is ever deleted from by Mera.
/// </summary>
[DbContext(typeof(MeraDbContext))]
[Migration("20261130000018_PostgresLeanerValues")]
public sealed class M0018_PostgresLeanerValues : Migration
{
    private const string Npgsql = "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void Up(MigrationBuilder m)
    {
        if (m.ActiveProvider != Npgsql)
        {
            return;
        }
        m.Sql("""
            ALTER TABLE data_values DROP CONSTRAINT fk_data_values_org, DROP CONSTRAINT fk_data_values_element;
            DROP INDEX ix_data_values_batch;
            DROP INDEX ix_data_values_element_anchor;
            ALTER TABLE data_values DROP CONSTRAINT pk_data_values;
            ALTER TABLE data_values ADD CONSTRAINT pk_data_values PRIMARY KEY USING INDEX ix_data_values_key;
            CREATE FUNCTION mera_keep_referenced_values() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF (TG_TABLE_NAME = 'org_units' AND EXISTS (SELECT 1 FROM data_values WHERE org_unit_id = OLD.id))
                 OR (TG_TABLE_NAME = 'data_elements' AND EXISTS (SELECT 1 FROM data_values WHERE element_id = OLD.id)) THEN
                RAISE EXCEPTION '% % has stored values and cannot be deleted or renumbered', TG_TABLE_NAME, OLD.id
                  USING ERRCODE = 'foreign_key_violation';
              END IF;
              RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
            END $$;
            CREATE TRIGGER tr_org_units_keep_values BEFORE DELETE OR UPDATE OF id ON org_units
              FOR EACH ROW EXECUTE FUNCTION mera_keep_referenced_values();
            CREATE TRIGGER tr_data_elements_keep_values BEFORE DELETE OR UPDATE OF id ON data_elements
              FOR EACH ROW EXECUTE FUNCTION mera_keep_referenced_values();
            """);
    }

    protected override void Down(MigrationBuilder m)
    {
        if (m.ActiveProvider != Npgsql)
        {
            return;
        }
        m.Sql("""
            DROP TRIGGER tr_data_elements_keep_values ON data_elements;
            DROP TRIGGER tr_org_units_keep_values ON org_units;
            DROP FUNCTION mera_keep_referenced_values();
            ALTER TABLE data_values DROP CONSTRAINT pk_data_values;
            CREATE UNIQUE INDEX ix_data_values_key ON data_values (org_unit_id, element_id, period_code);
            ALTER TABLE data_values ADD CONSTRAINT pk_data_values PRIMARY KEY (id);
            CREATE INDEX ix_data_values_element_anchor ON data_values (element_id, period_anchor);
            CREATE INDEX ix_data_values_batch ON data_values (import_batch_id);
            ALTER TABLE data_values
              ADD CONSTRAINT fk_data_values_org FOREIGN KEY (org_unit_id) REFERENCES org_units (id) ON DELETE RESTRICT,
              ADD CONSTRAINT fk_data_values_element FOREIGN KEY (element_id) REFERENCES data_elements (id) ON DELETE RESTRICT;
            """);
    }
}
