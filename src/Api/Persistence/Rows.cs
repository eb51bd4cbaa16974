namespace ForumHub.Api.Persistence;

// Rows are persistence shapes only; the meeting's rules live in ForumHub.Domain.
// Events are the source of truth; participants and ballots are also kept as rows in the same
// transaction, because the database must enforce one ballot per member and look up access quickly.

public sealed class MeetingRow
{
    public Guid Id { get; set; }
    public required string Title { get; set; }
    public required string Phase { get; set; }
    /// <summary>Sequence number of the last stored event; the optimistic concurrency check between writers.</summary>
    public long Version { get; set; }
    public required string JoinCode { get; set; }
    public required string ListenerCode { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
}

public sealed class EventRow
{
    public Guid MeetingId { get; set; }
    public long Seq { get; set; }
    public required string Type { get; set; }
    public required string Payload { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
}

public sealed class ParticipantRow
{
    public Guid Id { get; set; }
    public Guid MeetingId { get; set; }
    public required string DisplayName { get; set; }
    public required string Role { get; set; }
    public string? Picture { get; set; }
    public Guid? SupportsMemberId { get; set; }
    public bool Removed { get; set; }
    public DateTimeOffset JoinedAt { get; set; }
    /// <summary>
    /// The forum's standing member or listener this person is (issue 14): projected from participantJoined's
    /// forumMemberId, or set when a newcomer is added to the forum after the meeting. Attendance per member counts these.
    /// </summary>
    public Guid? ForumMemberId { get; set; }
}

/// <summary>Only a SHA-256 hash of each access token is stored, never the token itself.</summary>
public sealed class AccessTokenRow
{
    public required byte[] TokenHash { get; set; }
    public Guid ParticipantId { get; set; }
    public Guid MeetingId { get; set; }
    public required string Role { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class BallotRow
{
    public Guid PollId { get; set; }
    public Guid MemberId { get; set; }
    public Guid MeetingId { get; set; }
    public required string OptionId { get; set; }
    public Guid EnteredById { get; set; }
    public long Seq { get; set; }
}

/// <summary>Remembers each applied command so a repeat returns the first answer and changes nothing.</summary>
public sealed class ProcessedCommandRow
{
    public Guid CommandId { get; set; }
    public Guid MeetingId { get; set; }
    public Guid? ActorId { get; set; }
    public required string Result { get; set; }
    public long Seq { get; set; }
    public DateTimeOffset At { get; set; }
}
