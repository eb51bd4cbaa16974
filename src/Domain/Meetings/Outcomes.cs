namespace ForumHub.Domain.Meetings;

public sealed record Decision(Guid Id, Guid? ItemId, string Text, ParticipationLevel Level, Guid? PollId);

public sealed class MeetingAction
{
    internal MeetingAction(Guid id, Guid? itemId, string what, Guid ownerId, Guid? supporterId, DateOnly? dueDate, Guid? fromResponseId)
    {
        Id = id;
        ItemId = itemId;
        What = what;
        OwnerId = ownerId;
        SupporterId = supporterId;
        DueDate = dueDate;
        FromResponseId = fromResponseId;
    }

    public Guid Id { get; }
    public Guid? ItemId { get; }
    public string What { get; }
    public Guid OwnerId { get; }
    public Guid? SupporterId { get; }
    public DateOnly? DueDate { get; }
    /// <summary>Set when the action came from a listener's response ("You said, we will").</summary>
    public Guid? FromResponseId { get; }
    public ActionStatus Status { get; internal set; } = ActionStatus.Open;
}

public sealed record ListenerResponse(Guid Id, Guid ListenerId, Guid? ItemId, string Text);

public sealed class Card
{
    internal Card(Guid id, Guid participantId, CardKind kind, DateTimeOffset raisedAt)
    {
        Id = id;
        ParticipantId = participantId;
        Kind = kind;
        RaisedAt = raisedAt;
    }

    public Guid Id { get; }
    public Guid ParticipantId { get; }
    public CardKind Kind { get; }
    public DateTimeOffset RaisedAt { get; }
    public Guid? ClearedById { get; internal set; }
    public bool IsRaised => ClearedById is null;
}
