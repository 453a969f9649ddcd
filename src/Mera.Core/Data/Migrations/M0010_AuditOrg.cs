using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mera.Core.Data.Migrations;

/// <summary>The org an audited action concerns, so a municipality reads the audit of its own subtree.</summary>
[DbContext(typeof(MeraDbContext))]
[Migration("20261123000010_AuditOrg")]
public sealed class M0010_AuditOrg : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<int>("org_unit_id", "audit_log", nullable: true);
        m.CreateIndex("ix_audit_log_org_at", "audit_log", ["org_unit_id", "at"]);
        m.CreateIndex("ix_data_value_history_changed_at", "data_value_history", "changed_at");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("ix_data_value_history_changed_at", "data_value_history");
        m.DropIndex("ix_audit_log_org_at", "audit_log");
        m.DropColumn("org_unit_id", "audit_log");
    }
}
