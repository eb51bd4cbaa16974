namespace ForumHub.Domain.Meetings;

public sealed class Participant
{
    internal Participant(Guid id, string displayName, Role role, string? picture, Guid? supportsMemberId, DateTimeOffset joinedAt)
    {
        Id = id;
        DisplayName = displayName;
        Role = role;
        Picture = picture;
        SupportsMemberId = supportsMemberId;
        JoinedAt = joinedAt;
    }

    public Guid Id { get; }
    public string DisplayName { get; }
    public Role Role { get; }
    public string? Picture { get; }
    /// <summary>Set only for supporters: the one member they type and vote with.</summary>
    public Guid? SupportsMemberId { get; }
    public DateTimeOffset JoinedAt { get; }
    public bool Removed { get; internal set; }

    /// <summary>Members and facilitators have a vote of their own; supporters, listeners and screens do not.</summary>
    public bool CanVote => Role is Role.Member or Role.Facilitator;
}
