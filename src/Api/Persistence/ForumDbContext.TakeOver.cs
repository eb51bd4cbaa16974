using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Persistence;

/// <summary>
/// The take-over code of a member added without a device, projected from takeOverCodeIssued /
/// memberTookOver (RowProjector). One row per member; only the code's SHA-256 (hex) is kept.
/// </summary>
public sealed class TakeOverCodeRow
{
    public Guid ParticipantId { get; set; }
    public required string CodeHash { get; set; }
    public Guid MeetingId { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
}

/// <summary>The member took over on a device: their code row is marked used.</summary>
public sealed record TakeOverCodeUse(Guid ParticipantId, DateTimeOffset At);

public sealed partial class ForumDbContext
{
    public DbSet<TakeOverCodeRow> TakeOverCodes => Set<TakeOverCodeRow>();

    /// <summary>Called from OnModelCreating; the SQL twin is Migrations/0006_take_over_codes.sql.</summary>
    private static void ConfigureTakeOverCodes(ModelBuilder b) =>
        b.Entity<TakeOverCodeRow>(e =>
        {
            e.ToTable("take_over_codes").HasKey(t => t.ParticipantId);
            e.Property(t => t.CodeHash).HasMaxLength(64);
            e.HasIndex(t => t.CodeHash).IsUnique();
            e.HasOne<ParticipantRow>().WithMany().HasForeignKey(t => t.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        });
}
