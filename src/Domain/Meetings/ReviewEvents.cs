namespace ForumHub.Domain.Meetings;

/// <summary>
/// A new meeting of a forum found open follow-ups from earlier meetings: the review runs before the two questions.
/// Raised only when there is something to review, together with the meeting's first events.
/// </summary>
public sealed record ReviewPrepared(IReadOnlyList<ReviewEntry> Items) : IMeetingEvent;

/// <summary>The owner or the facilitator set a follow-up's picture status; Reason is required for Dropped.</summary>
public sealed record FollowUpStatusSet(Guid FollowUpId, FollowUpStatus Status, string? Reason, string? Note, Guid SetById, DateTimeOffset At)
    : IMeetingEvent;

/// <summary>The group chose this follow-up for the new agenda: it becomes a proposed item (ItemId) of this meeting.</summary>
public sealed record FollowUpPutOnAgenda(Guid FollowUpId, Guid ItemId, string Title, string? Picture, Guid ChosenById) : IMeetingEvent;

/// <summary>The facilitator ended the review; the two questions come next.</summary>
public sealed record ReviewFinished(DateTimeOffset At) : IMeetingEvent;
