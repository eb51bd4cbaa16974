using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Persistence;

/// <summary>
/// A forum's follow-up list: what a closed meeting left open (items carried forward, open actions, listeners'
/// responses), kept across meetings until done, dropped (with a reason) or put on a later meeting's agenda. Rows are
/// projections of events (FollowUpWriter), written in the same batch as the events. Owner* name a person of the
/// meeting it came from (personal data: export and erasure cover it).
/// </summary>
public sealed class FollowUpRow
{
    /// <summary>The id of the item, action or response it came from (a meeting closes once).</summary>
    public Guid Id { get; set; }
    public Guid ForumId { get; set; }
    public Guid MeetingId { get; set; }
    public required string Kind { get; set; }
    public required string Text { get; set; }
    public string? Picture { get; set; }
    public string? About { get; set; }
    public string? Said { get; set; }
    public Guid? OwnerId { get; set; }
    public string? OwnerName { get; set; }
    public string? OwnerPicture { get; set; }
    public string? OwnerRole { get; set; }
    public bool YouSaid { get; set; }
    public DateOnly SaidOn { get; set; }
    public required string Status { get; set; }
    public string? DropReason { get; set; }
    public string? Note { get; set; }
    public Guid? AgendaMeetingId { get; set; }
    public Guid? AgendaItemId { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
}

/// <summary>One status change of a follow-up in a meeting (the followUpStatusSet event at Seq): its progress history.</summary>
public sealed class FollowUpUpdateRow
{
    public Guid MeetingId { get; set; }
    public long Seq { get; set; }
    public Guid FollowUpId { get; set; }
    public required string Status { get; set; }
    public string? Note { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset At { get; set; }
}

public sealed partial class ForumDbContext
{
    public DbSet<FollowUpRow> FollowUps => Set<FollowUpRow>();
    public DbSet<FollowUpUpdateRow> FollowUpUpdates => Set<FollowUpUpdateRow>();

    /// <summary>Called from OnModelCreating; the SQL twin is Migrations/0008_forum_follow_ups.sql.</summary>
    private static void ConfigureFollowUps(ModelBuilder b)
    {
        b.Entity<FollowUpRow>(e =>
        {
            e.ToTable("forum_follow_ups").HasKey(f => f.Id);
            e.Property(f => f.Kind).HasMaxLength(20);
            e.Property(f => f.Text).HasMaxLength(500);
            e.Property(f => f.Picture).HasMaxLength(60);
            e.Property(f => f.About).HasMaxLength(200);
            e.Property(f => f.Said).HasMaxLength(500);
            e.Property(f => f.OwnerName).HasMaxLength(100);
            e.Property(f => f.OwnerPicture).HasMaxLength(60);
            e.Property(f => f.OwnerRole).HasMaxLength(20);
            e.Property(f => f.Status).HasMaxLength(20);
            e.Property(f => f.DropReason).HasMaxLength(200);
            e.Property(f => f.Note).HasMaxLength(200);
            e.HasIndex(f => f.ForumId);
            e.HasIndex(f => f.MeetingId);
            e.HasIndex(f => f.OwnerId);
            e.HasOne<ForumRow>().WithMany().HasForeignKey(f => f.ForumId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<MeetingRow>().WithMany().HasForeignKey(f => f.MeetingId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<FollowUpUpdateRow>(e =>
        {
            e.ToTable("forum_follow_up_updates").HasKey(u => new { u.MeetingId, u.Seq });
            e.Property(u => u.Status).HasMaxLength(20);
            e.Property(u => u.Note).HasMaxLength(200);
            e.Property(u => u.Reason).HasMaxLength(200);
            e.HasIndex(u => u.FollowUpId);
            e.HasOne<FollowUpRow>().WithMany().HasForeignKey(u => u.FollowUpId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<MeetingRow>().WithMany().HasForeignKey(u => u.MeetingId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
