using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Persistence;

/// <summary>
/// A forum's standing member or regular listener (issue 14). Kind is "Member" or "Listener". Members say which
/// service or home they represent and who usually supports them; listeners (trustees, managers) have role words.
/// KeepsRecord is the member's consent to keep their forum record: when false they still attend, but features that
/// build a record (attendance, roles, "My forum record") must not show or keep one for them.
/// The forum card's code is never stored: only its SHA-256 (hex), like take-over codes; reissuing replaces it.
/// </summary>
public sealed class ForumMemberRow
{
    public Guid Id { get; set; }
    public Guid ForumId { get; set; }
    public required string Kind { get; set; }
    public required string DisplayName { get; set; }
    public string? Picture { get; set; }
    public string? Represents { get; set; }
    public string? UsualSupporter { get; set; }
    public string? RoleWords { get; set; }
    public bool KeepsRecord { get; set; }
    public DateTimeOffset ConsentChangedAt { get; set; }
    public string? CardCodeHash { get; set; }
    public DateTimeOffset? CardIssuedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// The forum's next meeting, planned ahead: when, where (a place or a video link) and what it is about. MeetingId is
/// set when the facilitator starts it (it is then a live meeting of the forum). InvitationKey is the unguessable part
/// of the invitation's address; the invitation opens without sign-in only when InvitationPublic is true.
/// </summary>
public sealed class PlannedMeetingRow
{
    public Guid Id { get; set; }
    public Guid ForumId { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public required string Place { get; set; }
    public required string About { get; set; }
    public bool InvitationPublic { get; set; }
    public required string InvitationKey { get; set; }
    public Guid? MeetingId { get; set; }
    public Guid CreatedByAccountId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed partial class ForumDbContext
{
    public DbSet<ForumMemberRow> ForumMembers => Set<ForumMemberRow>();
    public DbSet<PlannedMeetingRow> PlannedMeetings => Set<PlannedMeetingRow>();

    /// <summary>Called from OnModelCreating; the SQL twin is Migrations/0007_forum_members.sql.</summary>
    private static void ConfigureForumMembers(ModelBuilder b)
    {
        b.Entity<ForumMemberRow>(e =>
        {
            e.ToTable("forum_members").HasKey(m => m.Id);
            e.Property(m => m.Kind).HasMaxLength(20);
            e.Property(m => m.DisplayName).HasMaxLength(40);
            e.Property(m => m.Picture).HasMaxLength(40);
            e.Property(m => m.Represents).HasMaxLength(100);
            e.Property(m => m.UsualSupporter).HasMaxLength(40);
            e.Property(m => m.RoleWords).HasMaxLength(60);
            e.Property(m => m.CardCodeHash).HasMaxLength(64);
            e.HasIndex(m => m.ForumId);
            e.HasIndex(m => m.CardCodeHash).IsUnique();
            e.HasOne<ForumRow>().WithMany().HasForeignKey(m => m.ForumId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<PlannedMeetingRow>(e =>
        {
            e.ToTable("planned_meetings").HasKey(p => p.Id);
            e.Property(p => p.Place).HasMaxLength(300);
            e.Property(p => p.About).HasMaxLength(300);
            e.Property(p => p.InvitationKey).HasMaxLength(40);
            e.HasIndex(p => p.ForumId);
            e.HasIndex(p => p.InvitationKey).IsUnique();
            e.HasOne<ForumRow>().WithMany().HasForeignKey(p => p.ForumId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<MeetingRow>().WithMany().HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<FacilitatorAccountRow>().WithMany().HasForeignKey(p => p.CreatedByAccountId).OnDelete(DeleteBehavior.Restrict);
        });
        // participants.forum_member_id: who of the forum this participant is. Erasing the member keeps the
        // participant (their meeting stays whole) but cuts the link.
        b.Entity<ParticipantRow>(e =>
        {
            e.HasIndex(p => p.ForumMemberId);
            e.HasOne<ForumMemberRow>().WithMany().HasForeignKey(p => p.ForumMemberId).OnDelete(DeleteBehavior.SetNull);
        });
    }
}
