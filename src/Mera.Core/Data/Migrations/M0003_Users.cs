using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mera.Core.Data.Migrations;

/// <summary>The audit log, and ASP.NET Core Identity's user store (users, claims, logins, tokens) in Mera's snake_case, with role and org.</summary>
[DbContext(typeof(MeraDbContext))]
[Migration("20261123000003_Users")]
public sealed class M0003_Users : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("users", t => new
        {
            id = t.Column<string>(nullable: false),
            full_name = t.Column<string>(nullable: false),
            role = t.Column<string>(nullable: false),
            org_unit_id = t.Column<int>(nullable: false),
            api_token_hash = t.Column<string>(nullable: true),
            is_demo = t.Column<bool>(nullable: false),
            created_at = t.Column<DateTimeOffset>(nullable: false),
            user_name = t.Column<string>(maxLength: 256, nullable: true),
            normalized_user_name = t.Column<string>(maxLength: 256, nullable: true),
            email = t.Column<string>(maxLength: 256, nullable: true),
            normalized_email = t.Column<string>(maxLength: 256, nullable: true),
            email_confirmed = t.Column<bool>(nullable: false),
            password_hash = t.Column<string>(nullable: true),
            security_stamp = t.Column<string>(nullable: true),
            concurrency_stamp = t.Column<string>(nullable: true),
            phone_number = t.Column<string>(nullable: true),
            phone_number_confirmed = t.Column<bool>(nullable: false),
            two_factor_enabled = t.Column<bool>(nullable: false),
            lockout_end = t.Column<DateTimeOffset>(nullable: true),
            lockout_enabled = t.Column<bool>(nullable: false),
            access_failed_count = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("pk_users", x => x.id);
            t.ForeignKey("fk_users_org", x => x.org_unit_id, "org_units", "id", onDelete: ReferentialAction.Restrict);
        });
        m.CreateIndex("UserNameIndex", "users", "normalized_user_name", unique: true);
        m.CreateIndex("EmailIndex", "users", "normalized_email");
        m.CreateIndex("ix_users_org_unit_id", "users", "org_unit_id");
        m.CreateIndex("ix_users_api_token_hash", "users", "api_token_hash");

        m.CreateTable("user_claims", t => new
        {
            id = t.Column<int>(nullable: false).Identity(),
            user_id = t.Column<string>(nullable: false),
            claim_type = t.Column<string>(nullable: true),
            claim_value = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("pk_user_claims", x => x.id);
            t.ForeignKey("fk_user_claims_user", x => x.user_id, "users", "id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("ix_user_claims_user_id", "user_claims", "user_id");

        m.CreateTable("user_logins", t => new
        {
            login_provider = t.Column<string>(nullable: false),
            provider_key = t.Column<string>(nullable: false),
            provider_display_name = t.Column<string>(nullable: true),
            user_id = t.Column<string>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("pk_user_logins", x => new { x.login_provider, x.provider_key });
            t.ForeignKey("fk_user_logins_user", x => x.user_id, "users", "id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("ix_user_logins_user_id", "user_logins", "user_id");

        m.CreateTable("audit_log", t => new
        {
            id = t.Column<long>(nullable: false).Identity(),
            at = t.Column<DateTimeOffset>(nullable: false),
            user_name = t.Column<string>(nullable: false),
            action = t.Column<string>(nullable: false),
            entity = t.Column<string>(nullable: false),
            entity_id = t.Column<string>(nullable: true),
            details = t.Column<string>(nullable: true),
        }, constraints: t => t.PrimaryKey("pk_audit_log", x => x.id));
        m.CreateIndex("ix_audit_log_at", "audit_log", "at");

        m.CreateTable("user_tokens", t => new
        {
            user_id = t.Column<string>(nullable: false),
            login_provider = t.Column<string>(nullable: false),
            name = t.Column<string>(nullable: false),
            value = t.Column<string>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("pk_user_tokens", x => new { x.user_id, x.login_provider, x.name });
            t.ForeignKey("fk_user_tokens_user", x => x.user_id, "users", "id", onDelete: ReferentialAction.Cascade);
        });
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("user_tokens");
        m.DropTable("audit_log");
        m.DropTable("user_logins");
        m.DropTable("user_claims");
        m.DropTable("users");
    }
}
