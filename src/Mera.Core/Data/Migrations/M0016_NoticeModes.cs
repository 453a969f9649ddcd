using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mera.Core.Data.Migrations;

/// <summary>Each user chooses, per kind of notice, to get it at once or in one message a day (issue 18).</summary>
[DbContext(typeof(MeraDbContext))]
[Migration("20261130000016_NoticeModes")]
public sealed class M0016_NoticeModes : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<bool>("reminders_daily", "users", nullable: false, defaultValue: false);
        m.AddColumn<bool>("workflow_daily", "users", nullable: false, defaultValue: false);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.Sql("ALTER TABLE users DROP COLUMN workflow_daily");
        m.Sql("ALTER TABLE users DROP COLUMN reminders_daily");
    }
}
