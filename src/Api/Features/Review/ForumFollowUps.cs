using ForumHub.Api.Persistence;
using ForumHub.Domain.Meetings;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Features.Review;

/// <summary>Reads a forum's follow-up list: what is still open (not done, not dropped, not on a later agenda).</summary>
public static class ForumFollowUps
{
    /// <summary>Enough for a short review; the rest waits for the next meeting.</summary>
    public const int ReviewLimit = 40;

    public static IQueryable<FollowUpRow> Open(ForumDbContext db, Guid forumId) =>
        db.FollowUps.AsNoTracking()
            .Where(f => f.ForumId == forumId && f.AgendaItemId == null && f.Status != nameof(FollowUpStatus.Done)
                && f.Status != nameof(FollowUpStatus.Dropped));

    /// <summary>The review a new meeting of the forum opens with, oldest first.</summary>
    public static async Task<IReadOnlyList<ReviewEntry>> ForReviewAsync(ForumDbContext db, Guid forumId, CancellationToken ct)
    {
        var rows = await Open(db, forumId).OrderBy(f => f.OpenedAt).ThenBy(f => f.Kind).ThenBy(f => f.Id).Take(ReviewLimit).ToListAsync(ct);
        // The owner's forum member, read now rather than stored with the follow-up: a newcomer linked to the forum after
        // their meeting (AddNewcomerToForum) is recognised too, and an erased member's link is already gone.
        var ownerIds = rows.Where(r => r.OwnerId != null).Select(r => r.OwnerId!.Value).Distinct().ToList();
        var members = await db.Participants.AsNoTracking().Where(p => ownerIds.Contains(p.Id) && p.ForumMemberId != null)
            .ToDictionaryAsync(p => p.Id, p => p.ForumMemberId, ct);
        return rows.Select(r => ToEntry(r) with { OwnerForumMemberId = r.OwnerId is { } o ? members.GetValueOrDefault(o) : null }).ToList();
    }

    public static ReviewEntry ToEntry(FollowUpRow f) => new(
        f.Id, Enum.Parse<FollowUpKind>(f.Kind), f.Text, f.Picture, f.About, f.Said, f.OwnerId, f.OwnerName, f.OwnerPicture,
        f.OwnerRole is null ? null : Enum.Parse<Role>(f.OwnerRole), f.YouSaid, f.MeetingId, f.SaidOn,
        Enum.Parse<FollowUpStatus>(f.Status), f.Note);
}
