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
        return rows.Select(ToEntry).ToList();
    }

    public static ReviewEntry ToEntry(FollowUpRow f) => new(
        f.Id, Enum.Parse<FollowUpKind>(f.Kind), f.Text, f.Picture, f.About, f.Said, f.OwnerId, f.OwnerName, f.OwnerPicture,
        f.OwnerRole is null ? null : Enum.Parse<Role>(f.OwnerRole), f.YouSaid, f.MeetingId, f.SaidOn,
        Enum.Parse<FollowUpStatus>(f.Status), f.Note);
}
