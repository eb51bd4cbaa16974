namespace ForumHub.Domain.Meetings;

/// <summary>What a forum follow-up came from: an item carried forward, an open action, or a listener's response.</summary>
public enum FollowUpKind { Item, Action, Response }

/// <summary>The picture status of a follow-up. Done and Dropped take it off the forum's list.</summary>
public enum FollowUpStatus { NotYet, Stuck, Done, Dropped }

/// <summary>
/// One entry of the forum's follow-up list as the review of a new meeting found it (a copy: the list itself lives in
/// the database). Owner* name the person from the earlier meeting; YouSaid marks a listener's response or an action a
/// trustee or manager owns ("You said, we did"). SaidOn is the date of the meeting it came from. OwnerForumMemberId: the
/// forum's standing member the owner was (joined with their card, or linked later), by which the owner is recognised in a
/// later meeting whatever they are called there; null for an owner who was nobody on the forum's list.
/// </summary>
public sealed record ReviewEntry(
    Guid FollowUpId, FollowUpKind Kind, string Text, string? Picture, string? About, string? Said,
    Guid? OwnerId, string? OwnerName, string? OwnerPicture, Role? OwnerRole, bool YouSaid,
    Guid FromMeetingId, DateOnly SaidOn, FollowUpStatus Status, string? Note, Guid? OwnerForumMemberId = null);

/// <summary>A review entry with what this meeting has done with it so far.</summary>
public sealed class ReviewItem
{
    internal ReviewItem(ReviewEntry entry)
    {
        Entry = entry;
        Status = entry.Status;
        Note = entry.Note;
    }

    public ReviewEntry Entry { get; }
    public Guid FollowUpId => Entry.FollowUpId;
    public FollowUpStatus Status { get; internal set; }
    public string? DropReason { get; internal set; }
    /// <summary>The latest progress words ("I wrote to the bus company").</summary>
    public string? Note { get; internal set; }
    /// <summary>Set when the group put it on this meeting's agenda: the new item's id.</summary>
    public Guid? AgendaItemId { get; internal set; }
    public bool IsClosed => Status is FollowUpStatus.Done or FollowUpStatus.Dropped;
}
