using ForumHub.Domain.Meetings;

namespace ForumHub.Domain.Tests;

/// <summary>The fixed people of a test meeting, one of each role, and a fixed clock.</summary>
public sealed class TestCast
{
    public static readonly DateTimeOffset Now = new(2026, 3, 3, 10, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2026, 3, 3);

    public Guid Facilitator { get; } = Guid.NewGuid();
    public Guid Member1 { get; } = Guid.NewGuid();
    public Guid Member2 { get; } = Guid.NewGuid();
    public Guid Member3 { get; } = Guid.NewGuid();
    /// <summary>Supports <see cref="Member1"/> only.</summary>
    public Guid Supporter { get; } = Guid.NewGuid();
    public Guid Listener { get; } = Guid.NewGuid();
    public Guid Screen { get; } = Guid.NewGuid();

    /// <summary>An id nobody in the meeting has.</summary>
    public static Guid Unknown => Guid.NewGuid();

    public IReadOnlyList<Guid> Everyone => [Facilitator, Member1, Member2, Member3, Supporter, Listener, Screen];
    /// <summary>Everyone with a vote: the members (the facilitator runs votes and has none of her own).</summary>
    public IReadOnlyList<Guid> Voters => [Member1, Member2, Member3];

    public Guid IdOf(Role role) => role switch
    {
        Role.Facilitator => Facilitator,
        Role.Member => Member1,
        Role.Supporter => Supporter,
        Role.Listener => Listener,
        Role.Screen => Screen,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public void JoinAll(Meeting meeting)
    {
        meeting.Join(Facilitator, "Fran", Role.Facilitator, null, null, Now);
        meeting.Join(Member1, "Amir", Role.Member, "smile", null, Now);
        meeting.Join(Member2, "Beth", Role.Member, null, null, Now);
        meeting.Join(Member3, "Carl", Role.Member, null, null, Now);
        meeting.Join(Supporter, "Sam", Role.Supporter, null, Member1, Now);
        meeting.Join(Listener, "Lee", Role.Listener, null, null, Now);
        meeting.Join(Screen, "Room screen", Role.Screen, null, null, Now);
    }
}
