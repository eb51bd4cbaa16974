namespace ForumHub.Domain.Meetings;

public sealed class Participant
{
    internal Participant(Guid id, string displayName, Role role, string? picture, Guid? supportsMemberId, DateTimeOffset joinedAt,
        bool withoutDevice = false, Guid? helperId = null, Guid? addedById = null, Guid? forumMemberId = null)
    {
        ForumMemberId = forumMemberId;
        WithoutDevice = withoutDevice;
        HelperId = helperId;
        AddedById = addedById;
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
    /// <summary>In the room without a device: others enter for them until they take over on one.</summary>
    public bool WithoutDevice { get; internal set; }
    /// <summary>For a member added without a device: the supporter who helps them (may enter for them), if any.</summary>
    public Guid? HelperId { get; }
    /// <summary>For a member added without a device: who added them (the facilitator or a supporter).</summary>
    public Guid? AddedById { get; }
    /// <summary>The forum's standing member or listener this person is (issue 14), or null.</summary>
    public Guid? ForumMemberId { get; }
    /// <summary>The roles they hold in this meeting now (chair, timekeeper, ...), in the enum's order; none once removed.</summary>
    public IReadOnlyList<MeetingRole> Roles => HeldRoles;
    internal List<MeetingRole> HeldRoles { get; } = [];
    /// <summary>SHA-256 (hex) of the take-over code now valid for this member, or null.</summary>
    public string? TakeOverCodeHash { get; internal set; }

    /// <summary>
    /// Only members have a vote. The facilitator runs the vote and has none of her own (ADR 0007), so "4 of 5 people
    /// with a vote" counts exactly the people who can vote; supporters, listeners and screens have none either.
    /// </summary>
    public bool CanVote => Role is Role.Member;
}
