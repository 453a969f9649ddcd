using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;

namespace Mera.Core.Data.Migrations;

/// <summary>
/// One provider-neutral migration set: an identity column carries both providers' annotations and each
/// provider reads only its own, so the same C# creates the schema on SQLite and on PostgreSQL.
/// </summary>
internal static class MigrationColumns
{
    public static OperationBuilder<T> Identity<T>(this OperationBuilder<T> column)
        where T : Microsoft.EntityFrameworkCore.Migrations.Operations.AddColumnOperation =>
        column
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy",
                Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
}
