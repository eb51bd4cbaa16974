using ForumHub.Domain.Meetings;
using ForumHub.Domain.Rules;

namespace ForumHub.Domain.Tests;

/// <summary>
/// A meeting with the full <see cref="TestCast"/> joined, built up to the phase a test needs.
/// Keeps every event it raised in <see cref="History"/> so tests can replay it.
/// </summary>
public sealed class TestMeeting
{
    private readonly List<IMeetingEvent> _history = [];

    private TestMeeting()
    {
        Meeting = Meeting.Create(Guid.NewGuid(), "North forum, March", TestCast.Now);
        Cast.JoinAll(Meeting);
        Commit();
    }

    public Meeting Meeting { get; }
    public TestCast Cast { get; } = new();
    public Guid F => Cast.Facilitator;
    public DateTimeOffset Now => TestCast.Now;

    /// <summary>Every event raised so far, oldest first (commits anything not yet taken).</summary>
    public IReadOnlyList<IMeetingEvent> History
    {
        get
        {
            Commit();
            return _history;
        }
    }

    public static TestMeeting InGathering() => new();

    /// <summary>In the Agenda phase with <paramref name="proposed"/> items proposed by members (not agreed).</summary>
    public static TestMeeting InAgenda(int proposed = 2)
    {
        var t = new TestMeeting();
        t.Meeting.MoveTo(t.F, Phase.Agenda, t.Now);
        for (var i = 1; i <= proposed; i++) t.Meeting.ProposeItem(t.Cast.Member1, t.Meeting.NextId(), $"Item {i}", null, null);
        t.Commit();
        return t;
    }

    /// <summary>In the Items phase with <paramref name="agreed"/> items agreed, in order; none started.</summary>
    public static TestMeeting InItems(int agreed = 2)
    {
        var t = InAgenda(agreed);
        t.Meeting.AgreeAgenda(t.F, t.Meeting.Items.Select(i => i.Id).ToList());
        t.Meeting.MoveTo(t.F, Phase.Items, t.Now);
        t.Commit();
        return t;
    }

    /// <summary>In the Items phase with the first item current.</summary>
    public static TestMeeting WithCurrentItem(int agreed = 2)
    {
        var t = InItems(agreed);
        t.Meeting.StartItem(t.F, t.Meeting.Items[0].Id);
        t.Commit();
        return t;
    }

    public static TestMeeting Closed()
    {
        var t = InItems();
        t.Meeting.MoveTo(t.F, Phase.Closed, t.Now);
        t.Commit();
        return t;
    }

    public static TestMeeting At(Phase phase) => phase switch
    {
        Phase.Gathering => InGathering(),
        Phase.Agenda => InAgenda(),
        Phase.Items => InItems(),
        _ => Closed(),
    };

    public AgendaItem Item(int index) => Meeting.Items[index];

    public Poll OpenPoll(PollMode mode = PollMode.Devices, bool secret = false, params string[] labels)
    {
        var options = labels.Length == 0 ? null : labels.Select(l => (l, (string?)null)).ToList();
        var poll = Meeting.OpenPoll(F, Meeting.NextId(), null, "Shall we go to the seaside?", options, secret, mode, Now);
        Commit();
        return poll;
    }

    public void Do(Action<Meeting> command)
    {
        command(Meeting);
        Commit();
    }

    public T Do<T>(Func<Meeting, T> command)
    {
        var result = command(Meeting);
        Commit();
        return result;
    }

    /// <summary>
    /// Asserts the command is refused with exactly <paramref name="code"/> and that the meeting is
    /// unchanged: same Version, no new uncommitted events, same public state.
    /// </summary>
    public void Refuses(string code, Action<Meeting> command)
    {
        Commit();
        var before = MeetingSnapshot.Of(Meeting);
        var version = Meeting.Version;

        var refusal = Assert.Throws<BusinessRuleBrokenException>(() => command(Meeting));

        Assert.Equal(code, refusal.Code);
        Assert.False(string.IsNullOrWhiteSpace(refusal.Message));
        Assert.Equal(version, Meeting.Version);
        Assert.Empty(Meeting.DequeueUncommitted());
        Assert.Equal(before, MeetingSnapshot.Of(Meeting));
    }

    /// <summary>Takes the uncommitted events into <see cref="History"/>, as the store would.</summary>
    public IReadOnlyList<IMeetingEvent> Commit()
    {
        var events = Meeting.DequeueUncommitted();
        _history.AddRange(events);
        return events;
    }
}
