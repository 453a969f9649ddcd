using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mera.Core.Data.Migrations;

/// <summary>
/// An item dropped from an amended roadmap is archived with its marks, not deleted (issue 20): `archived_at`, and the
/// number unique only among the items in force, so a new item may take the number an archived one had.
/// </summary>
[DbContext(typeof(MeraDbContext))]
[Migration("20261130000017_RoadmapArchive")]
public sealed class M0017_RoadmapArchive : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<DateTimeOffset>("archived_at", "roadmap_items", nullable: true);
        m.DropIndex("ix_roadmap_items_org_number", "roadmap_items");
        m.CreateIndex("ix_roadmap_items_org_number", "roadmap_items", ["org_unit_id", "number"], unique: true, filter: "archived_at IS NULL");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.Sql("DELETE FROM roadmap_evidence WHERE roadmap_item_id IN (SELECT id FROM roadmap_items WHERE archived_at IS NOT NULL)");
        m.Sql("DELETE FROM roadmap_items WHERE archived_at IS NOT NULL");
        m.DropIndex("ix_roadmap_items_org_number", "roadmap_items");
        m.CreateIndex("ix_roadmap_items_org_number", "roadmap_items", ["org_unit_id", "number"], unique: true);
        m.Sql("ALTER TABLE roadmap_items DROP COLUMN archived_at");
    }
}
