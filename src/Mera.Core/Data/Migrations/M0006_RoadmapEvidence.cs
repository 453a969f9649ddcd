using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mera.Core.Data.Migrations;

/// <summary>Documents that prove roadmap items, stored in the database (no local files: several web nodes share one database).</summary>
[DbContext(typeof(MeraDbContext))]
[Migration("20261123000006_RoadmapEvidence")]
public sealed class M0006_RoadmapEvidence : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("roadmap_evidence", t => new
        {
            id = t.Column<int>(nullable: false).Identity(),
            roadmap_item_id = t.Column<int>(nullable: false),
            file_name = t.Column<string>(nullable: false),
            content_type = t.Column<string>(nullable: false),
            content = t.Column<byte[]>(nullable: false),
            uploaded_by = t.Column<string>(nullable: false),
            uploaded_at = t.Column<DateTimeOffset>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("pk_roadmap_evidence", x => x.id);
            t.ForeignKey("fk_roadmap_evidence_item", x => x.roadmap_item_id, "roadmap_items", "id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("ix_roadmap_evidence_item", "roadmap_evidence", "roadmap_item_id");
    }

    protected override void Down(MigrationBuilder m) => m.DropTable("roadmap_evidence");
}
