using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Features.Meetings;

/// <summary>
/// One follow-up in the meeting's review, as clients see it (snapshot field "review"; the reviewPrepared event carries
/// the same fields without the meeting's own changes). The owner is named, not linked: they were a participant of an
/// earlier meeting; OwnerForumMemberId
/// (the forum member they were, if any) lets a client offer the status buttons to that member whatever their name today.
/// </summary>
public sealed record ReviewView(
    Guid FollowUpId, FollowUpKind Kind, string Text, string? Picture, string? About, string? Said,
    string? OwnerName, string? OwnerPicture, Role? OwnerRole, bool YouSaid, Guid FromMeetingId, DateOnly SaidOn,
    FollowUpStatus Status, string? DropReason, string? Note, Guid? AgendaItemId, Guid? OwnerForumMemberId)
{
    public static ReviewView Of(ReviewItem r) => new(
        r.FollowUpId, r.Entry.Kind, r.Entry.Text, r.Entry.Picture, r.Entry.About, r.Entry.Said,
        r.Entry.OwnerName, r.Entry.OwnerPicture, r.Entry.OwnerRole, r.Entry.YouSaid, r.Entry.FromMeetingId, r.Entry.SaidOn,
        r.Status, r.DropReason, r.Note, r.AgendaItemId, r.Entry.OwnerForumMemberId);
}
