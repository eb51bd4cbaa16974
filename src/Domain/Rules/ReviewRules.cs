using ForumHub.Domain.Meetings;

namespace ForumHub.Domain.Rules;

/// <summary>The rules of the carry-forward review (Meeting.Review.cs).</summary>
public static class ReviewRules
{
    public const int ReasonLimit = 200;
    public const int NoteLimit = 200;

    public static BusinessRule FollowUpMustExist(ReviewItem? item) =>
        BusinessRule.When(item is null, ErrorCodes.FollowUpNotFound, "We could not find this in the review.");

    /// <summary>
    /// People join each meeting afresh. An owner who was one of the forum's standing members is recognised by that
    /// member (their card), whatever name they use today, and never by a name alone (someone else could take it); an
    /// owner who was nobody on the forum's list by the same name as in the earlier meeting (case and spaces aside).
    /// The facilitator may always set it.
    /// </summary>
    public static BusinessRule OwnerOrFacilitator(Participant actor, ReviewEntry entry) =>
        BusinessRule.When(actor.Role != Role.Facilitator && !IsOwner(actor, entry), ErrorCodes.NotAllowed,
            "Only the person who owns this, or the facilitator, can change it.");

    public static bool IsOwner(Participant actor, ReviewEntry entry) => entry.OwnerForumMemberId is { } member
        ? actor.ForumMemberId == member
        : SameName(actor.DisplayName, entry.OwnerName);

    public static BusinessRule NotOnAgenda(ReviewItem item) =>
        BusinessRule.When(item.AgendaItemId is not null, ErrorCodes.FollowUpOnAgenda, "This is on the agenda now.");

    public static BusinessRule NotClosed(ReviewItem item) =>
        BusinessRule.When(item.IsClosed, ErrorCodes.FollowUpClosed, "This is done or dropped. It cannot go on the agenda.");

    public static BusinessRule ReasonWhenDropped(FollowUpStatus status, string? reason) =>
        BusinessRule.When(status == FollowUpStatus.Dropped && reason is null, ErrorCodes.ReasonRequired,
            "Please say why it is dropped.");

    public static BusinessRule ReviewMustBeOpen(bool open) =>
        BusinessRule.When(!open, ErrorCodes.ReviewNotOpen, "There is no review to finish.");

    private static bool SameName(string a, string? b) =>
        b is not null && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
