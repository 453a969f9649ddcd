using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mera.Core.Data.Migrations;

/// <summary>What a municipality sent the region, frozen at the moment of sending: the numbers and the report file (issue 18).</summary>
[DbContext(typeof(MeraDbContext))]
[Migration("20261130000015_SubmissionSnapshots")]
public sealed class M0015_SubmissionSnapshots : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("submission_snapshots", t => new
        {
            id = t.Column<int>(nullable: false).Identity(),
            submission_id = t.Column<int>(nullable: false),
            taken_at = t.Column<DateTimeOffset>(nullable: false),
            taken_by = t.Column<string>(nullable: false),
            numbers = t.Column<string>(nullable: false),
            file_name = t.Column<string>(nullable: true),
            file = t.Column<byte[]>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("pk_submission_snapshots", x => x.id);
            t.ForeignKey("fk_submission_snapshots_submission", x => x.submission_id, "submissions", "id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("ix_submission_snapshots_submission", "submission_snapshots", "submission_id");
    }

    protected override void Down(MigrationBuilder m) => m.DropTable("submission_snapshots");
}
