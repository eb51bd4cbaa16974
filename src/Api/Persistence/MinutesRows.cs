using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Persistence;

// Minutes are stored beside the meeting's events. Both tables only ever grow: every save is a new version, every
// publish or correction a new publication. A trigger in 0003_minutes.sql refuses UPDATE on either table, so
// published minutes can never be changed, only superseded by a later publication that says it corrects them.

/// <summary>One saved version of a meeting's minutes (generated, or edited by the facilitator).</summary>
public sealed class MinutesVersionRow
{
    public Guid Id { get; set; }
    public Guid MeetingId { get; set; }
    /// <summary>1, 2, 3 … per meeting.</summary>
    public int Number { get; set; }
    public required string EasyRead { get; set; }
    public required string Standard { get; set; }
    /// <summary>"generated" or "edited".</summary>
    public required string Source { get; set; }
    public int? BasedOn { get; set; }
    public Guid AuthorId { get; set; }
    public required string AuthorName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The meeting's sequence number the minutes were generated from.</summary>
    public long MeetingSeq { get; set; }
    public DateOnly? NextMeeting { get; set; }
}

/// <summary>A version made public. The latest publication of a meeting is its minutes; earlier ones are superseded.</summary>
public sealed class MinutesPublicationRow
{
    public Guid Id { get; set; }
    public Guid MeetingId { get; set; }
    /// <summary>1 for the first publication, 2 for the first correction, and so on.</summary>
    public int Number { get; set; }
    public Guid VersionId { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public Guid PublishedById { get; set; }
    public required string PublishedByName { get; set; }
    /// <summary>The member who reviewed the minutes with the facilitator, if one did.</summary>
    public Guid? ReviewedWithId { get; set; }
    public string? ReviewedWithName { get; set; }
    /// <summary>Set on a correction: what it corrects and why, in the facilitator's words.</summary>
    public int? Corrects { get; set; }
    public string? CorrectionNote { get; set; }
}

public static class MinutesModel
{
    /// <summary>Called from ForumDbContext.OnModelCreating (before the snake_case naming pass).</summary>
    public static void ConfigureMinutes(ModelBuilder b)
    {
        b.Entity<MinutesVersionRow>(e =>
        {
            e.ToTable("minutes_versions").HasKey(v => v.Id);
            e.Property(v => v.Source).HasMaxLength(20);
            e.Property(v => v.AuthorName).HasMaxLength(100);
            e.HasIndex(v => new { v.MeetingId, v.Number }).IsUnique();
            e.HasOne<MeetingRow>().WithMany().HasForeignKey(v => v.MeetingId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<MinutesPublicationRow>(e =>
        {
            e.ToTable("minutes_publications").HasKey(p => p.Id);
            e.Property(p => p.PublishedByName).HasMaxLength(100);
            e.Property(p => p.ReviewedWithName).HasMaxLength(100);
            e.HasIndex(p => new { p.MeetingId, p.Number }).IsUnique();
            // A version is published at most once.
            e.HasIndex(p => p.VersionId).IsUnique();
            e.HasOne<MeetingRow>().WithMany().HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<MinutesVersionRow>().WithMany().HasForeignKey(p => p.VersionId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
