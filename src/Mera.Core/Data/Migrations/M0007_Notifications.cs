using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mera.Core.Data.Migrations;

/// <summary>Reminder days per form, and the outbox of reminders, overdue notices and digests.</summary>
[DbContext(typeof(MeraDbContext))]
[Migration("20261123000007_Notifications")]
public sealed class M0007_Notifications : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<string>("reminder_days", "forms", nullable: false, defaultValue: "5,1");
        m.CreateTable("notifications", t => new
        {
            id = t.Column<long>(nullable: false).Identity(),
            kind = t.Column<string>(nullable: false),
            org_unit_id = t.Column<int>(nullable: false),
            form_code = t.Column<string>(nullable: false),
            period_code = t.Column<string>(nullable: false),
            deadline = t.Column<DateOnly>(nullable: true),
            recipient = t.Column<string>(nullable: false),
            subject = t.Column<string>(nullable: false),
            body = t.Column<string>(nullable: false),
            created_at = t.Column<DateTimeOffset>(nullable: false),
            status = t.Column<string>(nullable: false),
            attempts = t.Column<int>(nullable: false),
            last_error = t.Column<string>(nullable: true),
            sent_at = t.Column<DateTimeOffset>(nullable: true),
            read_at = t.Column<DateTimeOffset>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("pk_notifications", x => x.id);
            t.ForeignKey("fk_notifications_org", x => x.org_unit_id, "org_units", "id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("ix_notifications_key", "notifications", ["kind", "org_unit_id", "form_code", "period_code", "recipient"], unique: true);
        m.CreateIndex("ix_notifications_status", "notifications", "status");
        m.CreateIndex("ix_notifications_org", "notifications", "org_unit_id");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("notifications");
        m.DropColumn("reminder_days", "forms");
    }
}
