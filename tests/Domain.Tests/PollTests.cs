using ForumHub.Domain.Meetings;
using ForumHub.Domain.Rules;

namespace ForumHub.Domain.Tests;

/// <summary>Opening and closing votes: options, secret flag, mode, one open vote at a time, freezing on close.</summary>
public class PollTests
{
    private static List<(string, string?)> Labels(params string[] labels) => labels.Select(l => (l, (string?)null)).ToList();

    [Fact]
    public void A_poll_without_options_offers_yes_no_and_not_sure()
    {
        var t = TestMeeting.InAgenda();

        var poll = t.Do(m => m.OpenPoll(t.F, m.NextId(), m.Items[0].Id, "  Go to the seaside?  ", null, false, PollMode.Devices, t.Now));

        Assert.Equal(["yes", "no", "not-sure"], poll.Options.Select(o => o.Id));
        Assert.Equal(["Yes", "No", "Not sure"], poll.Options.Select(o => o.Label));
        Assert.All(poll.Options, o => Assert.False(string.IsNullOrEmpty(o.Picture)));
        Assert.Equal(("Go to the seaside?", t.Item(0).Id, PollStatus.Open, t.Now), (poll.Question, poll.ItemId, poll.Status, poll.OpenedAt));
        Assert.Same(poll, t.Meeting.ActivePoll);
        Assert.Equal(new Dictionary<string, int> { ["yes"] = 0, ["no"] = 0, ["not-sure"] = 0 }, poll.Tally());
    }

    [Fact]
    public void An_empty_option_list_also_means_the_default_options()
    {
        var t = TestMeeting.InAgenda();
        Assert.Equal(Poll.DefaultOptions, t.Do(m => m.OpenPoll(t.F, m.NextId(), null, "Q?", [], false, PollMode.Devices, t.Now)).Options);
    }

    [Theory]
    [InlineData(true, PollMode.Devices)]
    [InlineData(false, PollMode.HandCount)]
    public void Secret_and_mode_are_fixed_when_the_poll_opens(bool secret, PollMode mode)
    {
        var t = TestMeeting.InItems();
        var poll = t.OpenPoll(mode, secret);
        Assert.Equal((secret, mode), (poll.Secret, poll.Mode));
    }

    [Theory]
    [InlineData(Limits.MinOptions)]
    [InlineData(Limits.MaxOptions)]
    public void Custom_options_from_two_to_eight_are_numbered_in_order(int count)
    {
        var t = TestMeeting.InAgenda();
        var labels = Enumerable.Range(1, count).Select(i => $" Choice {i} ").ToArray();

        var poll = t.Do(m => m.OpenPoll(t.F, m.NextId(), null, "Which?", [.. labels.Select(l => (l, (string?)" pic "))], false, PollMode.Devices, t.Now));

        Assert.Equal(Enumerable.Range(1, count).Select(i => new PollOption($"o{i}", $"Choice {i}", "pic")), poll.Options);
    }

    [Theory]
    [InlineData(Limits.MinOptions - 1)]
    [InlineData(Limits.MaxOptions + 1)]
    public void Fewer_than_two_or_more_than_eight_options_are_refused(int count)
    {
        var t = TestMeeting.InAgenda();
        var labels = Labels([.. Enumerable.Range(1, count).Select(i => $"Choice {i}")]);
        t.Refuses(ErrorCodes.OptionsInvalid, m => m.OpenPoll(t.F, m.NextId(), null, "Which?", labels, false, PollMode.Devices, t.Now));
    }

    [Theory]
    [InlineData("Bowling", "Bowling")]
    [InlineData("Bowling", " bowling ")]
    [InlineData("Café", "CAFÉ")]
    public void Options_must_differ_ignoring_case_and_spaces(string first, string second)
    {
        var t = TestMeeting.InAgenda();
        t.Refuses(ErrorCodes.OptionsInvalid,
            m => m.OpenPoll(t.F, m.NextId(), null, "Which?", Labels(first, "Cinema", second), false, PollMode.Devices, t.Now));
    }

    [Fact]
    public void A_blank_option_is_refused()
    {
        var t = TestMeeting.InAgenda();
        t.Refuses(ErrorCodes.TextEmpty, m => m.OpenPoll(t.F, m.NextId(), null, "Which?", Labels("Bowling", "  "), false, PollMode.Devices, t.Now));
    }

    [Fact]
    public void Only_one_poll_is_open_at_a_time()
    {
        var t = TestMeeting.InAgenda();
        t.OpenPoll();
        t.Refuses(ErrorCodes.PollAlreadyOpen, m => m.OpenPoll(t.F, m.NextId(), null, "Another?", null, false, PollMode.Devices, t.Now));
    }

    [Theory]
    [InlineData(Phase.Gathering, ErrorCodes.WrongPhase)]
    [InlineData(Phase.Closed, ErrorCodes.MeetingClosed)]
    public void Polls_open_only_in_the_agenda_and_items_phases(Phase phase, string code)
    {
        var t = TestMeeting.At(phase);
        t.Refuses(code, m => m.OpenPoll(t.F, m.NextId(), null, "Q?", null, false, PollMode.Devices, t.Now));
    }

    [Theory]
    [InlineData(Role.Member)]
    [InlineData(Role.Supporter)]
    [InlineData(Role.Listener)]
    [InlineData(Role.Screen)]
    public void Only_the_facilitator_opens_and_closes_polls(Role role)
    {
        var t = TestMeeting.InAgenda();
        t.Refuses(ErrorCodes.NotAllowed, m => m.OpenPoll(t.Cast.IdOf(role), m.NextId(), null, "Q?", null, false, PollMode.Devices, t.Now));
        var poll = t.OpenPoll();
        t.Refuses(ErrorCodes.NotAllowed, m => m.ClosePoll(t.Cast.IdOf(role), poll.Id, t.Now));
    }

    [Fact]
    public void A_poll_about_an_unknown_item_is_refused()
    {
        var t = TestMeeting.InAgenda();
        t.Refuses(ErrorCodes.ItemNotFound, m => m.OpenPoll(t.F, m.NextId(), TestCast.Unknown, "Q?", null, false, PollMode.Devices, t.Now));
    }

    [Fact]
    public void Closing_freezes_the_eligible_members_and_the_tally()
    {
        var t = TestMeeting.InAgenda();
        var poll = t.OpenPoll();
        t.Do(m => m.CastBallot(t.Cast.Member1, poll.Id, "yes", null));
        t.Do(m => m.CastBallot(t.Cast.Member2, poll.Id, "no", null));
        t.Do(m => m.Remove(t.F, t.Cast.Member3));

        var tally = t.Do(m => m.ClosePoll(t.F, poll.Id, t.Now.AddMinutes(5)));

        var expected = new Dictionary<string, int> { ["yes"] = 1, ["no"] = 1, ["not-sure"] = 0 };
        Assert.Equal(expected, tally);
        Assert.Equal(expected, poll.Tally());
        Assert.Equal((PollStatus.Closed, t.Now.AddMinutes(5)), (poll.Status, poll.ClosedAt));
        // The facilitator runs the vote and has none of her own: exactly the members who could vote (issue 11, item 7).
        Assert.Equal(new[] { t.Cast.Member1, t.Cast.Member2 }.Order(), poll.EligibleMemberIds.Order());
        Assert.Null(t.Meeting.ActivePoll);
        var closed = Assert.IsType<PollClosed>(t.History[^1]);
        Assert.Equal(expected, closed.Tally);

        t.Do(m => m.Join(Guid.NewGuid(), "Late", Role.Member, null, null, t.Now));
        Assert.Equal(2, poll.EligibleMemberIds.Count);
    }

    [Fact]
    public void A_poll_closes_only_once()
    {
        var t = TestMeeting.InAgenda();
        var poll = t.OpenPoll();
        t.Do(m => m.ClosePoll(t.F, poll.Id, t.Now));

        t.Refuses(ErrorCodes.PollClosed, m => m.ClosePoll(t.F, poll.Id, t.Now));
    }

    [Fact]
    public void Closing_an_unknown_poll_is_refused()
    {
        var t = TestMeeting.InAgenda();
        t.Refuses(ErrorCodes.PollNotFound, m => m.ClosePoll(t.F, TestCast.Unknown, t.Now));
    }

    [Fact]
    public void After_a_poll_closes_the_next_one_can_open()
    {
        var t = TestMeeting.InAgenda();
        t.Do(m => m.ClosePoll(t.F, t.OpenPoll().Id, t.Now));

        var next = t.OpenPoll(PollMode.Devices, false, "Bowling", "Cinema");

        Assert.Equal([PollStatus.Closed, PollStatus.Open], t.Meeting.Polls.Select(p => p.Status));
        Assert.Same(next, t.Meeting.ActivePoll);
    }
}
