using ForumHub.Domain.Meetings;
using ForumHub.Domain.Rules;

namespace ForumHub.Domain.Tests;

/// <summary>Hand-count polls: the facilitator enters the hands counted in the room.</summary>
public class HandCountTests
{
    private static (TestMeeting T, Poll Poll) OpenHandCount()
    {
        var t = TestMeeting.InItems();
        return (t, t.OpenPoll(PollMode.HandCount));
    }

    private static Dictionary<string, int> Counts(int yes, int no, int notSure) =>
        new() { ["yes"] = yes, ["no"] = no, ["not-sure"] = notSure };

    [Fact]
    public void Recorded_counts_become_the_tally()
    {
        var (t, poll) = OpenHandCount();

        t.Do(m => m.RecordHandCount(t.F, poll.Id, Counts(5, 2, 1)));

        Assert.Equal(Counts(5, 2, 1), poll.Tally());
        Assert.Equal(Counts(5, 2, 1), poll.HandCounts);
        Assert.Empty(poll.Ballots);
        Assert.Equal(t.F, Assert.IsType<HandCountRecorded>(t.History[^1]).EnteredById);
    }

    [Fact]
    public void Choices_left_out_count_zero_and_a_new_count_replaces_the_last()
    {
        var (t, poll) = OpenHandCount();
        t.Do(m => m.RecordHandCount(t.F, poll.Id, Counts(5, 2, 1)));

        t.Do(m => m.RecordHandCount(t.F, poll.Id, new Dictionary<string, int> { ["no"] = 3 }));

        Assert.Equal(Counts(0, 3, 0), poll.Tally());
    }

    [Fact]
    public void Zero_and_the_largest_count_are_accepted()
    {
        var (t, poll) = OpenHandCount();
        t.Do(m => m.RecordHandCount(t.F, poll.Id, Counts(0, Limits.MaxHandCount, 0)));
        Assert.Equal(Limits.MaxHandCount, poll.Tally()["no"]);
    }

    public static TheoryData<Dictionary<string, int>> InvalidCounts => new()
    {
        new Dictionary<string, int>(),
        new Dictionary<string, int> { ["yes"] = -1 },
        new Dictionary<string, int> { ["yes"] = Limits.MaxHandCount + 1 },
        new Dictionary<string, int> { ["yes"] = 1, ["maybe"] = 1 },
    };

    [Theory]
    [MemberData(nameof(InvalidCounts))]
    public void Empty_negative_too_large_or_unknown_counts_are_refused(Dictionary<string, int> counts)
    {
        var (t, poll) = OpenHandCount();
        t.Refuses(ErrorCodes.HandCountInvalid, m => m.RecordHandCount(t.F, poll.Id, counts));
    }

    [Fact]
    public void A_devices_poll_takes_no_hand_count()
    {
        var t = TestMeeting.InItems();
        var poll = t.OpenPoll(PollMode.Devices);
        t.Refuses(ErrorCodes.PollNotHandCount, m => m.RecordHandCount(t.F, poll.Id, Counts(1, 0, 0)));
    }

    [Fact]
    public void Closing_freezes_the_hand_count()
    {
        var (t, poll) = OpenHandCount();
        t.Do(m => m.RecordHandCount(t.F, poll.Id, Counts(4, 1, 0)));

        Assert.Equal(Counts(4, 1, 0), t.Do(m => m.ClosePoll(t.F, poll.Id, t.Now)));

        t.Refuses(ErrorCodes.PollClosed, m => m.RecordHandCount(t.F, poll.Id, Counts(9, 9, 9)));
        Assert.Equal(Counts(4, 1, 0), poll.Tally());
    }

    [Fact]
    public void A_count_for_an_unknown_poll_is_refused()
    {
        var (t, _) = OpenHandCount();
        t.Refuses(ErrorCodes.PollNotFound, m => m.RecordHandCount(t.F, TestCast.Unknown, Counts(1, 0, 0)));
    }

    [Theory]
    [InlineData(Role.Member)]
    [InlineData(Role.Supporter)]
    [InlineData(Role.Listener)]
    [InlineData(Role.Screen)]
    public void Only_the_facilitator_records_hand_counts(Role role)
    {
        var (t, poll) = OpenHandCount();
        t.Refuses(ErrorCodes.NotAllowed, m => m.RecordHandCount(t.Cast.IdOf(role), poll.Id, Counts(1, 0, 0)));
    }
}
