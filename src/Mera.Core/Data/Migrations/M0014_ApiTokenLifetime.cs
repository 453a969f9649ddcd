using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mera.Core.Data.Migrations;

/// <summary>A personal API token expires, and its last use is kept (issue 17): tokens issued before have neither and expire on first use.</summary>
[DbContext(typeof(MeraDbContext))]
[Migration("20261130000014_ApiTokenLifetime")]
public sealed class M0014_ApiTokenLifetime : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<DateTimeOffset>("api_token_expires_at", "users", nullable: true);
        m.AddColumn<DateTimeOffset>("api_token_last_used_at", "users", nullable: true);
    }

    protected override void Down(MigrationBuilder m)
    {
        // Plain SQL: both SQLite (3.35+) and PostgreSQL drop a column in place; EF's SQLite generator would want a model to rebuild the table.
        m.Sql("ALTER TABLE users DROP COLUMN api_token_last_used_at");
        m.Sql("ALTER TABLE users DROP COLUMN api_token_expires_at");
    }
}
