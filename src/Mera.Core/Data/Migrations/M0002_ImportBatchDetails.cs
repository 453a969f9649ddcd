using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mera.Core.Data.Migrations;

/// <summary>Import batches keep their warnings and notes, and can be undone (the undo is itself a batch).</summary>
[DbContext(typeof(MeraDbContext))]
[Migration("20261123000002_ImportBatchDetails")]
public sealed class M0002_ImportBatchDetails : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<string>("issues", "import_batches", nullable: true);
        m.AddColumn<DateTimeOffset>("undone_at", "import_batches", nullable: true);
        m.AddColumn<string>("undone_by", "import_batches", nullable: true);
        m.AddColumn<long>("undo_of_batch_id", "import_batches", nullable: true);
        m.CreateIndex("ix_import_batches_sha256", "import_batches", "sha256");
        m.CreateIndex("ix_data_value_history_batch", "data_value_history", "import_batch_id");
        m.CreateIndex("ix_data_values_batch", "data_values", "import_batch_id");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropIndex("ix_data_values_batch", "data_values");
        m.DropIndex("ix_data_value_history_batch", "data_value_history");
        m.DropIndex("ix_import_batches_sha256", "import_batches");
        m.DropColumn("undo_of_batch_id", "import_batches");
        m.DropColumn("undone_by", "import_batches");
        m.DropColumn("undone_at", "import_batches");
        m.DropColumn("issues", "import_batches");
    }
}
