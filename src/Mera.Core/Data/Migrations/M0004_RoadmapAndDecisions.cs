using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mera.Core.Data.Migrations;

/// <summary>Roadmap items and collegium decisions with their items (DOMAIN §9).</summary>
[DbContext(typeof(MeraDbContext))]
[Migration("20261123000004_RoadmapAndDecisions")]
public sealed class M0004_RoadmapAndDecisions : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("roadmap_items", t => new
        {
            id = t.Column<int>(nullable: false).Identity(),
            org_unit_id = t.Column<int>(nullable: false),
            number = t.Column<string>(nullable: false),
            sort_order = t.Column<int>(nullable: false),
            title = t.Column<string>(nullable: false),
            start_date = t.Column<DateOnly>(nullable: true),
            end_date = t.Column<DateOnly>(nullable: true),
            deadline = t.Column<string>(nullable: true),
            responsible = t.Column<string>(nullable: true),
            co_executors = t.Column<string>(nullable: true),
            document = t.Column<string>(nullable: true),
            indicator_code = t.Column<string>(nullable: true),
            completed_on = t.Column<DateOnly>(nullable: true),
            comment = t.Column<string>(nullable: true),
            updated_at = t.Column<DateTimeOffset>(nullable: false),
            updated_by = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("pk_roadmap_items", x => x.id);
            t.ForeignKey("fk_roadmap_items_org", x => x.org_unit_id, "org_units", "id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("ix_roadmap_items_org_number", "roadmap_items", ["org_unit_id", "number"], unique: true);

        m.CreateTable("decisions", t => new
        {
            id = t.Column<int>(nullable: false).Identity(),
            org_unit_id = t.Column<int>(nullable: false),
            number = t.Column<string>(nullable: false),
            date = t.Column<DateOnly>(nullable: false),
            title = t.Column<string>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("pk_decisions", x => x.id);
            t.ForeignKey("fk_decisions_org", x => x.org_unit_id, "org_units", "id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("ix_decisions_org_number", "decisions", ["org_unit_id", "number"], unique: true);

        m.CreateTable("decision_items", t => new
        {
            id = t.Column<int>(nullable: false).Identity(),
            decision_id = t.Column<int>(nullable: false),
            number = t.Column<string>(nullable: false),
            text = t.Column<string>(nullable: false),
            responsible = t.Column<string>(nullable: true),
            deadline = t.Column<string>(nullable: true),
            last_reported_on = t.Column<DateOnly>(nullable: true),
            completed_on = t.Column<DateOnly>(nullable: true),
            report_notes = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("pk_decision_items", x => x.id);
            t.ForeignKey("fk_decision_items_decision", x => x.decision_id, "decisions", "id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("ix_decision_items_decision_number", "decision_items", ["decision_id", "number"], unique: true);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("decision_items");
        m.DropTable("decisions");
        m.DropTable("roadmap_items");
    }
}
