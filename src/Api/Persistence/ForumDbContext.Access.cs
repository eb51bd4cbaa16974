using ForumHub.Api.Audit;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Persistence;

/// <summary>The tables of accounts and privacy: accounts, organisations, forums, meeting ownership, retention, audit log, key ring.</summary>
public sealed partial class ForumDbContext
{
    public DbSet<OrganisationRow> Organisations => Set<OrganisationRow>();
    public DbSet<ForumRow> Forums => Set<ForumRow>();
    public DbSet<FacilitatorAccountRow> FacilitatorAccounts => Set<FacilitatorAccountRow>();
    public DbSet<MeetingOwnerRow> MeetingOwners => Set<MeetingOwnerRow>();
    public DbSet<MeetingDataDeletionRow> MeetingDataDeletions => Set<MeetingDataDeletionRow>();
    public DbSet<AuditEntryRow> AuditLog => Set<AuditEntryRow>();
    public DbSet<DataProtectionKeyRow> DataProtectionKeys => Set<DataProtectionKeyRow>();

    /// <summary>Called from OnModelCreating; the SQL twin is Migrations/0002_access_and_privacy.sql.</summary>
    private static void ConfigureAccessAndPrivacy(ModelBuilder b)
    {
        b.Entity<OrganisationRow>(e =>
        {
            e.ToTable("organisations").HasKey(o => o.Id);
            e.Property(o => o.Name).HasMaxLength(200);
        });
        b.Entity<ForumRow>(e =>
        {
            e.ToTable("forums").HasKey(f => f.Id);
            e.Property(f => f.Name).HasMaxLength(200);
            e.HasIndex(f => f.OrganisationId);
            e.HasOne<OrganisationRow>().WithMany().HasForeignKey(f => f.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<FacilitatorAccountRow>(e =>
        {
            e.ToTable("facilitator_accounts").HasKey(a => a.Id);
            e.Property(a => a.Email).HasMaxLength(254);
            e.Property(a => a.DisplayName).HasMaxLength(100);
            e.Property(a => a.PasswordHash).HasMaxLength(400);
            e.Property(a => a.SecurityStamp).HasMaxLength(64);
            e.HasIndex(a => a.Email).IsUnique();
            e.HasIndex(a => a.OrganisationId);
            e.HasOne<OrganisationRow>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<MeetingOwnerRow>(e =>
        {
            e.ToTable("meeting_owners").HasKey(o => o.MeetingId);
            e.HasIndex(o => o.OrganisationId);
            e.HasIndex(o => o.ForumId);
            e.HasOne<MeetingRow>().WithMany().HasForeignKey(o => o.MeetingId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<OrganisationRow>().WithMany().HasForeignKey(o => o.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<ForumRow>().WithMany().HasForeignKey(o => o.ForumId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<FacilitatorAccountRow>().WithMany().HasForeignKey(o => o.CreatedByAccountId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<MeetingDataDeletionRow>(e =>
        {
            e.ToTable("meeting_data_deletions").HasKey(d => d.MeetingId);
            e.Property(d => d.Reason).HasMaxLength(60);
            e.HasOne<MeetingRow>().WithMany().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<AuditEntryRow>(e =>
        {
            // No foreign keys: the audit log outlives the meetings and accounts it names.
            e.ToTable("audit_log").HasKey(a => a.Id);
            e.Property(a => a.Id).UseIdentityByDefaultColumn();
            e.Property(a => a.Action).HasMaxLength(60);
            e.Property(a => a.Target).HasMaxLength(100);
            e.Property(a => a.Address).HasMaxLength(64);
            e.HasIndex(a => a.At);
            e.HasIndex(a => a.OrganisationId);
        });
        b.Entity<DataProtectionKeyRow>(e =>
        {
            e.ToTable("data_protection_keys").HasKey(k => k.Id);
            e.Property(k => k.Id).UseIdentityByDefaultColumn();
            e.Property(k => k.FriendlyName).HasMaxLength(200);
        });
    }
}
