using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mera.Core.Data.Migrations;

/// <summary>Agreements with the region and their values by year (seed 003 Annex 1).</summary>
[DbContext(typeof(MeraDbContext))]
[Migration("20261123000005_Agreements")]
public sealed class M0005_Agreements : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("agreements", t => new
        {
            id = t.Column<int>(nullable: false).Identity(),
            org_unit_id = t.Column<int>(nullable: false),
            number = t.Column<string>(nullable: false),
            date = t.Column<DateOnly>(nullable: false),
            parties = t.Column<string>(nullable: true),
            valid_from = t.Column<DateOnly>(nullable: true),
            valid_to = t.Column<DateOnly>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("pk_agreements", x => x.id);
            t.ForeignKey("fk_agreements_org", x => x.org_unit_id, "org_units", "id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("ix_agreements_org_number", "agreements", ["org_unit_id", "number"], unique: true);
        m.CreateTable("agreement_values", t => new
        {
            id = t.Column<int>(nullable: false).Identity(),
            agreement_id = t.Column<int>(nullable: false),
            project = t.Column<string>(nullable: false),
            row_number = t.Column<string>(nullable: false),
            sort_order = t.Column<int>(nullable: false),
            title = t.Column<string>(nullable: false),
            year = t.Column<int>(nullable: false),
            value = t.Column<double>(nullable: true),
            note = t.Column<string>(nullable: true),
            indicator_code = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("pk_agreement_values", x => x.id);
            t.ForeignKey("fk_agreement_values_agreement", x => x.agreement_id, "agreements", "id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("ix_agreement_values_key", "agreement_values", ["agreement_id", "row_number", "year"], unique: true);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("agreement_values");
        m.DropTable("agreements");
    }
}
