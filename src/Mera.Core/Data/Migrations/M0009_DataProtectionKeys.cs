using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mera.Core.Data.Migrations;

/// <summary>Data Protection keys in the database: a cookie signed by one web node is read by the others and survives restarts.</summary>
[DbContext(typeof(MeraDbContext))]
[Migration("20261123000009_DataProtectionKeys")]
public sealed class M0009_DataProtectionKeys : Migration
{
    protected override void Up(MigrationBuilder m) =>
        m.CreateTable("data_protection_keys", t => new
        {
            id = t.Column<int>(nullable: false).Identity(),
            friendly_name = t.Column<string>(nullable: true),
            xml = t.Column<string>(nullable: true),
        }, constraints: t => t.PrimaryKey("pk_data_protection_keys", x => x.id));

    protected override void Down(MigrationBuilder m) => m.DropTable("data_protection_keys");
}
