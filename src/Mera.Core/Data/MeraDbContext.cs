using Mera.Core.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Mera.Core.Data;

/// <summary>Mera's data and the Identity user store (users without Identity roles: a user has one role column).</summary>
public sealed class MeraDbContext(DbContextOptions<MeraDbContext> options) : IdentityUserContext<MeraUser>(options), IDataProtectionKeyContext
{
    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();
    public DbSet<DataElement> DataElements => Set<DataElement>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<IndicatorFormula> IndicatorFormulas => Set<IndicatorFormula>();
    public DbSet<Form> Forms => Set<Form>();
    public DbSet<Submission> Submissions => Set<Submission>();
    public DbSet<Target> Targets => Set<Target>();
    public DbSet<DataValue> DataValues => Set<DataValue>();
    public DbSet<DataValueHistory> DataValueHistory => Set<DataValueHistory>();
    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<RoadmapItem> RoadmapItems => Set<RoadmapItem>();
    public DbSet<Decision> Decisions => Set<Decision>();
    public DbSet<DecisionItem> DecisionItems => Set<DecisionItem>();
    public DbSet<Agreement> Agreements => Set<Agreement>();
    public DbSet<RoadmapEvidence> RoadmapEvidence => Set<RoadmapEvidence>();
    public DbSet<AgreementValue> AgreementValues => Set<AgreementValue>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<SubmissionSnapshot> SubmissionSnapshots => Set<SubmissionSnapshot>();

    /// <summary>The keys that protect sign-in cookies and antiforgery tokens, shared by every web node.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// A change of what the fresh totals are computed with — the registry (a school opened, closed or moved), an
    /// indicator, a formula version, an element's aggregation — makes every built period stale in the same transaction
    /// (ADR 0029): until each is built again, the engine computes from the values. One place, so no path can forget.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var totalsConcerned = ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && e.Entity is Domain.OrgUnit or Domain.Indicator or Domain.IndicatorFormula or Domain.DataElement);
        if (!totalsConcerned)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await Database.ExecuteSqlRawAsync("UPDATE indicator_total_periods SET fresh = 0 WHERE fresh = 1", cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
            return saved;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        b.Entity<MeraUser>(e =>
        {
            e.ToTable("users");
            e.HasIndex(x => x.OrgUnitId);
            e.HasIndex(x => x.ApiTokenHash);
        });
        b.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_log");
            e.Property(x => x.User).HasColumnName("user_name");
            e.HasIndex(x => x.At);
        });
        b.Entity<RoadmapItem>(e =>
        {
            e.ToTable("roadmap_items");
            e.HasIndex(x => new { x.OrgUnitId, x.Number }).IsUnique().HasFilter("archived_at IS NULL");
            // Archived items (dropped by an amended roadmap) are history: no list, reminder or report sees them.
            e.HasQueryFilter(x => x.ArchivedAt == null);
        });
        b.Entity<Decision>(e =>
        {
            e.ToTable("decisions");
            e.HasIndex(x => new { x.OrgUnitId, x.Number }).IsUnique();
            e.HasMany(x => x.Items).WithOne().HasForeignKey(i => i.DecisionId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<DecisionItem>(e =>
        {
            e.ToTable("decision_items");
            e.HasIndex(x => new { x.DecisionId, x.Number }).IsUnique();
        });
        b.Entity<DataProtectionKey>(e => e.ToTable("data_protection_keys"));
        b.Entity<SubmissionSnapshot>(e =>
        {
            e.ToTable("submission_snapshots");
            e.HasIndex(x => x.SubmissionId).HasDatabaseName("ix_submission_snapshots_submission");
        });
        b.Entity<Notification>(e =>
        {
            e.ToTable("notifications");
            e.HasIndex(x => new { x.Kind, x.OrgUnitId, x.FormCode, x.PeriodCode, x.Recipient }).IsUnique().HasDatabaseName("ix_notifications_key");
            e.HasIndex(x => x.Status).HasDatabaseName("ix_notifications_status");
            e.HasIndex(x => x.OrgUnitId).HasDatabaseName("ix_notifications_org");
        });
        b.Entity<RoadmapEvidence>(e =>
        {
            e.ToTable("roadmap_evidence");
            e.HasIndex(x => x.RoadmapItemId);
        });
        b.Entity<Agreement>(e =>
        {
            e.ToTable("agreements");
            e.HasIndex(x => new { x.OrgUnitId, x.Number }).IsUnique();
            e.HasMany(x => x.Values).WithOne().HasForeignKey(v => v.AgreementId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<AgreementValue>(e =>
        {
            e.ToTable("agreement_values");
            e.HasIndex(x => new { x.AgreementId, x.RowNumber, x.Year }).IsUnique();
        });
        b.Entity<IdentityUserClaim<string>>().ToTable("user_claims");
        b.Entity<IdentityUserLogin<string>>().ToTable("user_logins");
        b.Entity<IdentityUserToken<string>>().ToTable("user_tokens");
        b.Entity<OrgUnit>(e =>
        {
            e.ToTable("org_units");
            e.HasIndex(x => x.Code).IsUnique();
            e.HasIndex(x => x.Inn);
            e.HasIndex(x => x.Path);
            e.HasIndex(x => x.ParentId);
            e.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.Ignore(x => x.IsReportingUnit);
        });
        b.Entity<DataElement>(e =>
        {
            e.ToTable("data_elements");
            e.HasIndex(x => x.Code).IsUnique();
        });
        b.Entity<Indicator>(e =>
        {
            e.ToTable("indicators");
            e.HasIndex(x => x.Code).IsUnique();
            e.HasMany(x => x.Formulas).WithOne().HasForeignKey(f => f.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<IndicatorFormula>(e =>
        {
            e.ToTable("indicator_formulas");
            e.HasIndex(x => new { x.IndicatorId, x.EffectiveFrom }).IsUnique();
        });
        b.Entity<Form>(e =>
        {
            e.ToTable("forms");
            e.HasIndex(x => x.Code).IsUnique();
            e.Ignore(x => x.Elements);
        });
        b.Entity<Submission>(e =>
        {
            e.ToTable("submissions");
            e.HasIndex(x => new { x.OrgUnitId, x.FormCode, x.PeriodCode }).IsUnique();
            e.Property(x => x.Version).IsConcurrencyToken();
        });
        b.Entity<Target>(e =>
        {
            e.ToTable("targets");
            e.HasIndex(x => new { x.OrgUnitId, x.IndicatorCode, x.Year }).IsUnique();
        });
        b.Entity<DataValue>(e =>
        {
            e.ToTable("data_values");
            e.HasKey(x => new { x.OrgUnitId, x.ElementId, x.PeriodCode });
            e.HasIndex(x => new { x.OrgUnitId, x.ElementId, x.PeriodCode }).IsUnique();
            e.HasIndex(x => new { x.ElementId, x.PeriodAnchor });
            e.HasIndex(x => x.ImportBatchId).HasDatabaseName("ix_data_values_batch");
        });
        b.Entity<DataValueHistory>(e =>
        {
            e.ToTable("data_value_history");
            e.HasIndex(x => new { x.OrgUnitId, x.ElementId, x.PeriodCode });
            e.HasIndex(x => x.ImportBatchId).HasDatabaseName("ix_data_value_history_batch");
        });
        b.Entity<ImportBatch>(e =>
        {
            e.ToTable("import_batches");
            e.HasIndex(x => x.Sha256).HasDatabaseName("ix_import_batches_sha256");
        });
        ApplySnakeCaseColumns(b);
    }

    /// <summary>snake_case columns keep hand-written SQL on the hot paths identical for SQLite and PostgreSQL.</summary>
    private static void ApplySnakeCaseColumns(ModelBuilder b)
    {
        foreach (var entity in b.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                if (property.FindAnnotation(Microsoft.EntityFrameworkCore.Metadata.RelationalAnnotationNames.ColumnName) is null)
                {
                    property.SetColumnName(SnakeCase.Of(property.Name));
                }
            }
        }
    }
}

public static class SnakeCase
{
    public static string Of(string name)
    {
        var sb = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                sb.Append('_');
            }
            sb.Append(char.ToLowerInvariant(name[i]));
        }
        return sb.ToString();
    }
}
