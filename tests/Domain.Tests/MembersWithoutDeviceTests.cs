using ForumHub.Domain.Meetings;
using ForumHub.Domain.Rules;

namespace ForumHub.Domain.Tests;

/// <summary>Issue 11, item 1: a member in the room without a phone is added, entered for, and may later take over.</summary>
public class MembersWithoutDeviceTests
{
    private const string CodeHash = "A1B2C3";

    [Fact]
    public void The_facilitator_adds_a_member_without_a_device_who_is_a_member_with_a_vote()
    {
        var t = TestMeeting.InGathering();
        var id = Guid.NewGuid();

        var cat = t.Do(m => m.AddMemberWithoutDevice(t.F, id, "  Cat  ", " cat ", t.Cast.Supporter, t.Now));

        Assert.Equal(("Cat", Role.Member, "cat", true, true), (cat.DisplayName, cat.Role, cat.Picture, cat.WithoutDevice, cat.CanVote));
        Assert.Equal((t.Cast.Supporter, t.F), (cat.HelperId, cat.AddedById));
        Assert.Null(cat.SupportsMemberId);
        var joined = Assert.IsType<ParticipantJoined>(t.History[^1]);
        Assert.Equal(new ParticipantJoined(id, "Cat", Role.Member, "cat", null, t.Now, WithoutDevice: true, HelperId: t.Cast.Supporter, AddedById: t.F), joined);
    }

    [Fact]
    public void A_supporter_who_adds_a_member_is_the_one_who_helps_them_and_may_enter_for_them()
    {
        var t = TestMeeting.InGathering();
        var id = Guid.NewGuid();

        var dan = t.Do(m => m.AddMemberWithoutDevice(t.Cast.Supporter, id, "Dan", null, null, t.Now));
        var answer = t.Do(m => m.AnswerQuestion(t.Cast.Supporter, m.NextId(), Question.WhyAreYouHere, "To meet friends", null, id));

        Assert.Equal(t.Cast.Supporter, dan.HelperId);
        Assert.Equal((id, t.Cast.Supporter), (answer.ParticipantId, answer.EnteredById));
        t.Refuses(ErrorCodes.NotYourMember, m => m.AnswerQuestion(t.Cast.Supporter, m.NextId(), Question.WhyAreYouHere, "No", null, t.Cast.Member2));
    }

    [Fact]
    public void Adding_is_refused_with_a_named_rule_and_leaves_the_meeting_unchanged()
    {
        var t = TestMeeting.InGathering();
        var existing = t.Meeting.FindParticipant(t.Cast.Member1)!.DisplayName;

        t.Refuses(ErrorCodes.NotAllowed, m => m.AddMemberWithoutDevice(t.Cast.Member2, Guid.NewGuid(), "Cat", null, null, t.Now));
        t.Refuses(ErrorCodes.NotAllowed, m => m.AddMemberWithoutDevice(t.Cast.Listener, Guid.NewGuid(), "Cat", null, null, t.Now));
        t.Refuses(ErrorCodes.TextEmpty, m => m.AddMemberWithoutDevice(t.F, Guid.NewGuid(), "   ", null, null, t.Now));
        t.Refuses(ErrorCodes.TextTooLong, m => m.AddMemberWithoutDevice(t.F, Guid.NewGuid(), new string('x', Limits.DisplayName + 1), null, null, t.Now));
        t.Refuses(ErrorCodes.NameTaken, m => m.AddMemberWithoutDevice(t.F, Guid.NewGuid(), existing.ToUpperInvariant(), null, null, t.Now));
        t.Refuses(ErrorCodes.NotASupporter, m => m.AddMemberWithoutDevice(t.F, Guid.NewGuid(), "Cat", null, t.Cast.Member2, t.Now));
        t.Refuses(ErrorCodes.ParticipantNotFound, m => m.AddMemberWithoutDevice(t.F, Guid.NewGuid(), "Cat", null, TestCast.Unknown, t.Now));
        t.Refuses(ErrorCodes.NotAllowed, m => m.AddMemberWithoutDevice(t.Cast.Supporter, Guid.NewGuid(), "Cat", null, t.F, t.Now));

        t.Do(m => m.AddMemberWithoutDevice(t.F, Guid.NewGuid(), "Cat", null, null, t.Now));
        t.Refuses(ErrorCodes.NameTaken, m => m.AddMemberWithoutDevice(t.F, Guid.NewGuid(), " cat ", null, null, t.Now));
        var closed = TestMeeting.Closed();
        closed.Refuses(ErrorCodes.MeetingClosed, m => m.AddMemberWithoutDevice(closed.F, Guid.NewGuid(), "Eve", null, null, closed.Now));
    }

    [Fact]
    public void What_the_facilitator_enters_for_her_is_recorded_as_hers_entered_by_the_facilitator()
    {
        var t = TestMeeting.InGathering();
        var cat = Guid.NewGuid();
        t.Do(m => m.AddMemberWithoutDevice(t.F, cat, "Cat", null, null, t.Now));

        var answer = t.Do(m => m.AnswerQuestion(t.F, m.NextId(), Question.WhatDoYouWantToDo, "Talk about buses", null, cat));
        t.Do(m => m.MoveTo(t.F, Phase.Agenda, t.Now));
        var idea = t.Do(m => m.ProposeItem(t.F, m.NextId(), "Buses", null, cat));
        var card = t.Do(m => m.RaiseCard(t.F, m.NextId(), CardKind.SlowDown, cat, t.Now));
        var poll = t.OpenPoll();
        var ballot = t.Do(m => m.CastBallot(t.F, poll.Id, "yes", cat));

        Assert.Equal((cat, t.F), (answer.ParticipantId, answer.EnteredById));
        Assert.Equal((cat, t.F), (idea.ProposedById, idea.EnteredById));
        Assert.Equal(cat, card.ParticipantId);
        Assert.Equal(new Ballot(cat, t.F, "yes"), ballot);
        Assert.True(ballot.WithSupport);
        t.Refuses(ErrorCodes.AlreadyVoted, m => m.CastBallot(t.F, poll.Id, "no", cat));
    }

    [Fact]
    public void Vote_counts_include_the_member_without_a_device_and_never_the_facilitator()
    {
        var t = TestMeeting.InItems();
        var cat = Guid.NewGuid();
        t.Do(m => m.AddMemberWithoutDevice(t.F, cat, "Cat", null, null, t.Now));
        var poll = t.OpenPoll();
        t.Do(m => m.CastBallot(t.F, poll.Id, "no", cat));
        foreach (var member in new[] { t.Cast.Member1, t.Cast.Member2, t.Cast.Member3 })
            t.Do(m => m.CastBallot(member, poll.Id, "yes", null));

        t.Do(m => m.ClosePoll(t.F, poll.Id, t.Now));

        // Everyone with a vote voted: 4 of 4, never "4 of 5" because of the facilitator.
        Assert.Equal(new[] { t.Cast.Member1, t.Cast.Member2, t.Cast.Member3, cat }.Order(), poll.EligibleMemberIds.Order());
        Assert.Equal(poll.EligibleMemberIds.Count, poll.Ballots.Count);
        Assert.DoesNotContain(t.F, poll.EligibleMemberIds);
        Assert.Equal(t.Meeting.Participants.Count(p => p.CanVote && !p.Removed), poll.EligibleMemberIds.Count);
    }

    [Fact]
    public void Taking_over_with_the_code_keeps_every_entry_theirs_and_the_code_works_once()
    {
        var t = TestMeeting.InGathering();
        var cat = Guid.NewGuid();
        t.Do(m => m.AddMemberWithoutDevice(t.F, cat, "Cat", null, null, t.Now));
        var answer = t.Do(m => m.AnswerQuestion(t.F, m.NextId(), Question.WhyAreYouHere, "To have my say", null, cat));
        t.Do(m => m.IssueTakeOverCode(t.F, cat, CodeHash, t.Now));
        var participants = t.Meeting.Participants.Count;

        var member = t.Do(m => m.TakeOver(cat, CodeHash.ToLowerInvariant(), t.Now.AddMinutes(3)));

        Assert.Equal(cat, member.Id);
        Assert.False(member.WithoutDevice);
        Assert.Null(member.TakeOverCodeHash);
        Assert.Equal(participants, t.Meeting.Participants.Count);
        Assert.Equal(cat, Assert.Single(t.Meeting.Answers, a => a.Id == answer.Id).ParticipantId);
        Assert.Equal(new MemberTookOver(cat, t.Now.AddMinutes(3)), t.History[^1]);
        // Now on her own device she acts as herself, and the used code is refused.
        t.Do(m => m.AnswerQuestion(cat, m.NextId(), Question.WhatDoYouWantToDo, "Buses", null, null));
        t.Refuses(ErrorCodes.CodeUsed, m => m.TakeOver(cat, CodeHash, t.Now));
        t.Refuses(ErrorCodes.HasDevice, m => m.IssueTakeOverCode(t.F, cat, "FFFF", t.Now));

        var replayed = Meeting.Replay(t.History);
        Assert.Equal(MeetingSnapshot.Of(t.Meeting), MeetingSnapshot.Of(replayed));
        Assert.False(replayed.FindParticipant(cat)!.WithoutDevice);
    }

    [Fact]
    public void A_new_code_replaces_the_last_and_only_the_facilitator_or_the_helper_may_give_one()
    {
        var t = TestMeeting.InGathering();
        var cat = Guid.NewGuid();
        t.Do(m => m.AddMemberWithoutDevice(t.F, cat, "Cat", null, null, t.Now));

        t.Refuses(ErrorCodes.CodeUsed, m => m.TakeOver(cat, CodeHash, t.Now)); // no code given yet
        t.Refuses(ErrorCodes.NotYourMember, m => m.IssueTakeOverCode(t.Cast.Supporter, cat, CodeHash, t.Now));
        t.Refuses(ErrorCodes.NotAllowed, m => m.IssueTakeOverCode(t.Cast.Member1, cat, CodeHash, t.Now));
        t.Refuses(ErrorCodes.HasDevice, m => m.IssueTakeOverCode(t.F, t.Cast.Member1, CodeHash, t.Now));
        t.Refuses(ErrorCodes.ParticipantNotFound, m => m.IssueTakeOverCode(t.F, TestCast.Unknown, CodeHash, t.Now));

        t.Do(m => m.IssueTakeOverCode(t.F, cat, "OLD", t.Now));
        t.Do(m => m.IssueTakeOverCode(t.F, cat, "NEW", t.Now));

        t.Refuses(ErrorCodes.CodeUsed, m => m.TakeOver(cat, "OLD", t.Now));
        t.Do(m => m.TakeOver(cat, "NEW", t.Now));
        t.Refuses(ErrorCodes.CodeUsed, m => m.TakeOver(t.Cast.Member1, "NEW", t.Now)); // a device member has no code
    }

    [Fact]
    public void A_member_without_a_device_who_was_removed_cannot_take_over()
    {
        var t = TestMeeting.InGathering();
        var cat = Guid.NewGuid();
        t.Do(m => m.AddMemberWithoutDevice(t.F, cat, "Cat", null, null, t.Now));
        t.Do(m => m.IssueTakeOverCode(t.F, cat, CodeHash, t.Now));
        t.Do(m => m.Remove(t.F, cat));

        t.Refuses(ErrorCodes.ParticipantRemoved, m => m.TakeOver(cat, CodeHash, t.Now));
    }
}
