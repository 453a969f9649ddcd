using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mera.Core.Data.Migrations;

/// <summary>
/// Who last edited a catalog item in the web: the catalog sync on upgrade leaves an edited item's names,
/// formulas and deadline rules as the region set them.
/// </summary>
[DbContext(typeof(MeraDbContext))]
[Migration("20261123000011_CatalogEdits")]
public sealed class M0011_CatalogEdits : Migration
{
    private static readonly string[] Tables = ["data_elements", "indicators", "forms"];

    protected override void Up(MigrationBuilder m)
    {
        foreach (var table in Tables)
        {
            m.AddColumn<DateTimeOffset>("edited_at", table, nullable: true);
            m.AddColumn<string>("edited_by", table, nullable: true);
        }
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in Tables)
        {
            m.DropColumn("edited_by", table);
            m.DropColumn("edited_at", table);
        }
    }
}
