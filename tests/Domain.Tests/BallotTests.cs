using ForumHub.Domain.Meetings;
using ForumHub.Domain.Rules;

namespace ForumHub.Domain.Tests;

/// <summary>Casting ballots on a devices poll: who may vote, for whom, once, and only while open.</summary>
public class BallotTests
{
    private static (TestMeeting T, Poll Poll) OpenVote(PollMode mode = PollMode.Devices)
    {
        var t = TestMeeting.InItems();
        return (t, t.OpenPoll(mode));
    }

    [Fact]
    public void A_member_votes_for_themself()
    {
        var (t, poll) = OpenVote();

        var ballot = t.Do(m => m.CastBallot(t.Cast.Member2, poll.Id, "no", null));

        Assert.Equal(new Ballot(t.Cast.Member2, t.Cast.Member2, "no"), ballot);
        Assert.False(ballot.WithSupport);
        Assert.Equal([ballot], poll.Ballots);
        Assert.Equal(1, poll.Tally()["no"]);
    }

    [Fact]
    public void The_facilitator_has_no_vote_of_their_own()
    {
        var (t, poll) = OpenVote();
        t.Refuses(ErrorCodes.NotAMember, m => m.CastBallot(t.F, poll.Id, "yes", null));
    }

    [Fact]
    public void A_supporter_votes_with_their_member_and_it_is_recorded_as_supported()
    {
        var (t, poll) = OpenVote();

        var ballot = t.Do(m => m.CastBallot(t.Cast.Supporter, poll.Id, "yes", t.Cast.Member1));

        Assert.Equal(new Ballot(t.Cast.Member1, t.Cast.Supporter, "yes"), ballot);
        Assert.True(ballot.WithSupport);
        Assert.True(poll.HasVoted(t.Cast.Member1));
        Assert.False(poll.HasVoted(t.Cast.Supporter));
    }

    [Fact]
    public void The_facilitator_votes_with_any_member_and_it_is_recorded_as_supported()
    {
        var (t, poll) = OpenVote();
        Assert.Equal(new Ballot(t.Cast.Member3, t.F, "not-sure"), t.Do(m => m.CastBallot(t.F, poll.Id, "not-sure", t.Cast.Member3)));
    }

    [Fact]
    public void A_supporter_must_name_their_member_to_vote()
    {
        var (t, poll) = OpenVote();
        t.Refuses(ErrorCodes.SupporterNeedsMember, m => m.CastBallot(t.Cast.Supporter, poll.Id, "yes", null));
    }

    [Fact]
    public void A_supporter_has_no_vote_of_their_own()
    {
        var (t, poll) = OpenVote();
        t.Refuses(ErrorCodes.SupporterNeedsMember, m => m.CastBallot(t.Cast.Supporter, poll.Id, "yes", t.Cast.Supporter));
    }

    [Theory]
    [InlineData(Role.Supporter)]
    [InlineData(Role.Member)]
    public void Nobody_but_the_facilitator_votes_for_a_member_they_do_not_support(Role role)
    {
        var (t, poll) = OpenVote();
        t.Refuses(ErrorCodes.NotYourMember, m => m.CastBallot(t.Cast.IdOf(role), poll.Id, "yes", t.Cast.Member2));
    }

    [Theory]
    [InlineData(Role.Listener)]
    [InlineData(Role.Screen)]
    public void Listeners_and_screens_cannot_vote(Role role)
    {
        var (t, poll) = OpenVote();
        t.Refuses(ErrorCodes.NotAllowed, m => m.CastBallot(t.Cast.IdOf(role), poll.Id, "yes", null));
    }

    [Fact]
    public void Nobody_votes_for_a_listener()
    {
        var (t, poll) = OpenVote();
        t.Refuses(ErrorCodes.NotAMember, m => m.CastBallot(t.F, poll.Id, "yes", t.Cast.Listener));
    }

    [Fact]
    public void Each_member_has_one_ballot_per_poll_however_it_is_entered()
    {
        var (t, poll) = OpenVote();
        t.Do(m => m.CastBallot(t.Cast.Member1, poll.Id, "yes", null));

        t.Refuses(ErrorCodes.AlreadyVoted, m => m.CastBallot(t.Cast.Member1, poll.Id, "no", null));
        t.Refuses(ErrorCodes.AlreadyVoted, m => m.CastBallot(t.Cast.Supporter, poll.Id, "no", t.Cast.Member1));
        t.Refuses(ErrorCodes.AlreadyVoted, m => m.CastBallot(t.F, poll.Id, "no", t.Cast.Member1));
    }

    [Fact]
    public void A_ballot_after_the_poll_closed_is_refused()
    {
        var (t, poll) = OpenVote();
        t.Do(m => m.ClosePoll(t.F, poll.Id, t.Now));

        t.Refuses(ErrorCodes.PollClosed, m => m.CastBallot(t.Cast.Member1, poll.Id, "yes", null));
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("YES")]
    [InlineData("")]
    public void A_ballot_for_a_choice_that_does_not_exist_is_refused(string optionId)
    {
        var (t, poll) = OpenVote();
        t.Refuses(ErrorCodes.OptionNotFound, m => m.CastBallot(t.Cast.Member1, poll.Id, optionId, null));
    }

    [Fact]
    public void A_ballot_for_an_unknown_poll_is_refused()
    {
        var (t, _) = OpenVote();
        t.Refuses(ErrorCodes.PollNotFound, m => m.CastBallot(t.Cast.Member1, TestCast.Unknown, "yes", null));
    }

    [Fact]
    public void A_hand_count_poll_takes_no_ballots()
    {
        var (t, poll) = OpenVote(PollMode.HandCount);
        t.Refuses(ErrorCodes.PollIsHandCount, m => m.CastBallot(t.Cast.Member1, poll.Id, "yes", null));
    }

    [Fact]
    public void A_secret_poll_still_counts_one_ballot_per_member()
    {
        var t = TestMeeting.InAgenda();
        var poll = t.OpenPoll(PollMode.Devices, secret: true, "Bowling", "Cinema");
        t.Do(m => m.CastBallot(t.Cast.Member1, poll.Id, "o2", null));

        t.Refuses(ErrorCodes.AlreadyVoted, m => m.CastBallot(t.Cast.Member1, poll.Id, "o1", null));
        Assert.Equal(new Dictionary<string, int> { ["o1"] = 0, ["o2"] = 1 }, poll.Tally());
    }

    [Fact]
    public void A_member_removed_after_voting_stays_counted_among_the_eligible()
    {
        var (t, poll) = OpenVote();
        foreach (var voter in t.Cast.Voters) t.Do(m => m.CastBallot(voter, poll.Id, "yes", null));
        t.Do(m => m.Remove(t.F, t.Cast.Member3));

        t.Do(m => m.ClosePoll(t.F, poll.Id, t.Now));

        Assert.True(poll.Tally().Values.Sum() <= poll.EligibleMemberIds.Count);
        Assert.All(poll.Ballots, b => Assert.Contains(b.MemberId, poll.EligibleMemberIds));
    }
}
