using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mera.Core.Data.Migrations;

/// <summary>
/// A file between its preview and «Загрузить» is kept in the database, not on the disk of the node that received it
/// (issue 22 §4): behind nginx the confirmation may reach any node, and a node may be replaced meanwhile.
/// </summary>
[DbContext(typeof(MeraDbContext))]
[Migration("20261130000020_PendingUploads")]
public sealed class M0020_PendingUploads : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("pending_uploads", t => new
        {
            token = t.Column<string>(nullable: false),
            user_key = t.Column<string>(nullable: false),
            created_at = t.Column<long>(nullable: false),
            length = t.Column<long>(nullable: false),
            content = t.Column<byte[]>(nullable: false),
            previewed = t.Column<string>(nullable: true),
        }, constraints: t => t.PrimaryKey("pk_pending_uploads", x => x.token));
        m.CreateIndex("ix_pending_uploads_user", "pending_uploads", "user_key");
    }

    protected override void Down(MigrationBuilder m) => m.DropTable("pending_uploads");
}
