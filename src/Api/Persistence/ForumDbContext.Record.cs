using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Persistence;

/// <summary>
/// One answer of a forum member to "May we keep a record of the meetings you come to?", from ChangedAt until their
/// next answer ("My forum record", issue 14). Written only by the database (a trigger on forum_members, migration
/// 0011), so adding a member, adding a newcomer and changing consent all keep the history without remembering to.
/// </summary>
public sealed class ForumMemberConsentRow
{
    public Guid ForumMemberId { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
    public bool KeepsRecord { get; set; }
}

public sealed partial class ForumDbContext
{
    public DbSet<ForumMemberConsentRow> ForumMemberConsents => Set<ForumMemberConsentRow>();

    /// <summary>Called from OnModelCreating; the SQL twin is Migrations/0011_forum_record.sql.</summary>
    private static void ConfigureForumRecord(ModelBuilder b) =>
        b.Entity<ForumMemberConsentRow>(e =>
        {
            e.ToTable("forum_member_consents").HasKey(c => new { c.ForumMemberId, c.ChangedAt });
            e.HasOne<ForumMemberRow>().WithMany().HasForeignKey(c => c.ForumMemberId).OnDelete(DeleteBehavior.Cascade);
        });
}
