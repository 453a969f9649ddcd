using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mera.Core.Data.Migrations;

[DbContext(typeof(MeraDbContext))]
[Migration("20261123000001_Initial")]
public sealed class M0001_Initial : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("org_units", t => new
        {
            id = t.Column<int>(nullable: false).Identity(),
            code = t.Column<string>(nullable: false),
            name = t.Column<string>(nullable: false),
            short_name = t.Column<string>(nullable: true),
            type = t.Column<int>(nullable: false),
            parent_id = t.Column<int>(nullable: true),
            path = t.Column<string>(nullable: false),
            inn = t.Column<string>(nullable: true),
            kpp = t.Column<string>(nullable: true),
            ogrn = t.Column<string>(nullable: true),
            address = t.Column<string>(nullable: true),
            is_rural = t.Column<bool>(nullable: false),
            director = t.Column<string>(nullable: true),
            responsible_person = t.Column<string>(nullable: true),
            email = t.Column<string>(nullable: true),
            phone = t.Column<string>(nullable: true),
            is_active = t.Column<bool>(nullable: false),
            opened_on = t.Column<DateOnly>(nullable: true),
            closed_on = t.Column<DateOnly>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("pk_org_units", x => x.id);
            t.ForeignKey("fk_org_units_parent", x => x.parent_id, "org_units", "id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("ix_org_units_code", "org_units", "code", unique: true);
        m.CreateIndex("ix_org_units_inn", "org_units", "inn");
        m.CreateIndex("ix_org_units_path", "org_units", "path");
        m.CreateIndex("ix_org_units_parent_id", "org_units", "parent_id");

        m.CreateTable("data_elements", t => new
        {
            id = t.Column<int>(nullable: false).Identity(),
            code = t.Column<string>(nullable: false),
            name = t.Column<string>(nullable: false),
            unit = t.Column<string>(nullable: false),
            value_type = t.Column<int>(nullable: false),
            period_type = t.Column<int>(nullable: false),
            time_aggregation = t.Column<int>(nullable: false),
            source = t.Column<string>(nullable: false),
            supplier = t.Column<string>(nullable: false),
        }, constraints: t => t.PrimaryKey("pk_data_elements", x => x.id));
        m.CreateIndex("ix_data_elements_code", "data_elements", "code", unique: true);

        m.CreateTable("indicators", t => new
        {
            id = t.Column<int>(nullable: false).Identity(),
            code = t.Column<string>(nullable: false),
            name = t.Column<string>(nullable: false),
            kind = t.Column<int>(nullable: false),
            unit = t.Column<string>(nullable: false),
            factor = t.Column<double>(nullable: false),
            lower_is_better = t.Column<bool>(nullable: false),
            group_name = t.Column<string>(nullable: false),
            sort_order = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("pk_indicators", x => x.id));
        m.CreateIndex("ix_indicators_code", "indicators", "code", unique: true);

        m.CreateTable("indicator_formulas", t => new
        {
            id = t.Column<int>(nullable: false).Identity(),
            indicator_id = t.Column<int>(nullable: false),
            effective_from = t.Column<DateOnly>(nullable: false),
            numerator = t.Column<string>(nullable: false),
            denominator = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("pk_indicator_formulas", x => x.id);
            t.ForeignKey("fk_indicator_formulas_indicator", x => x.indicator_id, "indicators", "id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("ix_indicator_formulas_indicator_effective", "indicator_formulas", ["indicator_id", "effective_from"], unique: true);

        m.CreateTable("forms", t => new
        {
            id = t.Column<int>(nullable: false).Identity(),
            code = t.Column<string>(nullable: false),
            name = t.Column<string>(nullable: false),
            period_type = t.Column<int>(nullable: false),
            deadline_rule = t.Column<string>(nullable: false),
            supplier = t.Column<string>(nullable: false),
            receiver = t.Column<string>(nullable: false),
            element_codes = t.Column<string>(nullable: false),
        }, constraints: t => t.PrimaryKey("pk_forms", x => x.id));
        m.CreateIndex("ix_forms_code", "forms", "code", unique: true);

        CreateValueTables(m);
        CreateWorkflowTables(m);
    }

    private static void CreateValueTables(MigrationBuilder m)
    {
        m.CreateTable("import_batches", t => new
        {
            id = t.Column<long>(nullable: false).Identity(),
            kind = t.Column<string>(nullable: false),
            file_name = t.Column<string>(nullable: false),
            sha256 = t.Column<string>(nullable: false),
            period_code = t.Column<string>(nullable: true),
            org_code = t.Column<string>(nullable: true),
            imported_by = t.Column<string>(nullable: false),
            imported_at = t.Column<DateTimeOffset>(nullable: false),
            rows_read = t.Column<int>(nullable: false),
            values_written = t.Column<int>(nullable: false),
            unchanged = t.Column<int>(nullable: false),
            skipped = t.Column<int>(nullable: false),
            warnings = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("pk_import_batches", x => x.id));

        m.CreateTable("data_values", t => new
        {
            id = t.Column<long>(nullable: false).Identity(),
            org_unit_id = t.Column<int>(nullable: false),
            element_id = t.Column<int>(nullable: false),
            period_code = t.Column<string>(nullable: false),
            period_type = t.Column<int>(nullable: false),
            period_anchor = t.Column<DateOnly>(nullable: false),
            value = t.Column<double>(nullable: false),
            comment = t.Column<string>(nullable: true),
            source = t.Column<int>(nullable: false),
            import_batch_id = t.Column<long>(nullable: true),
            source_file = t.Column<string>(nullable: true),
            changed_by = t.Column<string>(nullable: false),
            changed_at = t.Column<DateTimeOffset>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("pk_data_values", x => x.id);
            t.ForeignKey("fk_data_values_org", x => x.org_unit_id, "org_units", "id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("fk_data_values_element", x => x.element_id, "data_elements", "id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("ix_data_values_key", "data_values", ["org_unit_id", "element_id", "period_code"], unique: true);
        m.CreateIndex("ix_data_values_element_anchor", "data_values", ["element_id", "period_anchor"]);

        m.CreateTable("data_value_history", t => new
        {
            id = t.Column<long>(nullable: false).Identity(),
            org_unit_id = t.Column<int>(nullable: false),
            element_id = t.Column<int>(nullable: false),
            period_code = t.Column<string>(nullable: false),
            old_value = t.Column<double>(nullable: true),
            new_value = t.Column<double>(nullable: true),
            source = t.Column<int>(nullable: false),
            import_batch_id = t.Column<long>(nullable: true),
            source_file = t.Column<string>(nullable: true),
            changed_by = t.Column<string>(nullable: false),
            changed_at = t.Column<DateTimeOffset>(nullable: false),
        }, constraints: t => t.PrimaryKey("pk_data_value_history", x => x.id));
        m.CreateIndex("ix_data_value_history_key", "data_value_history", ["org_unit_id", "element_id", "period_code"]);
    }

    private static void CreateWorkflowTables(MigrationBuilder m)
    {
        m.CreateTable("submissions", t => new
        {
            id = t.Column<int>(nullable: false).Identity(),
            org_unit_id = t.Column<int>(nullable: false),
            form_code = t.Column<string>(nullable: false),
            period_code = t.Column<string>(nullable: false),
            state = t.Column<int>(nullable: false),
            submitted_at = t.Column<DateTimeOffset>(nullable: true),
            submitted_by = t.Column<string>(nullable: true),
            decided_at = t.Column<DateTimeOffset>(nullable: true),
            decided_by = t.Column<string>(nullable: true),
            comment = t.Column<string>(nullable: true),
            version = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("pk_submissions", x => x.id);
            t.ForeignKey("fk_submissions_org", x => x.org_unit_id, "org_units", "id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("ix_submissions_key", "submissions", ["org_unit_id", "form_code", "period_code"], unique: true);

        m.CreateTable("targets", t => new
        {
            id = t.Column<int>(nullable: false).Identity(),
            org_unit_id = t.Column<int>(nullable: false),
            indicator_code = t.Column<string>(nullable: false),
            year = t.Column<int>(nullable: false),
            value = t.Column<double>(nullable: false),
            base_value = t.Column<double>(nullable: true),
            base_date = t.Column<DateOnly>(nullable: true),
            is_cumulative = t.Column<bool>(nullable: false),
            updated_at = t.Column<DateTimeOffset>(nullable: false),
            updated_by = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("pk_targets", x => x.id);
            t.ForeignKey("fk_targets_org", x => x.org_unit_id, "org_units", "id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("ix_targets_key", "targets", ["org_unit_id", "indicator_code", "year"], unique: true);
    }
}
