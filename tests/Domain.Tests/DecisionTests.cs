using ForumHub.Domain.Meetings;
using ForumHub.Domain.Rules;

namespace ForumHub.Domain.Tests;

/// <summary>Decisions record what was decided and the Camden participation level.</summary>
public class DecisionTests
{
    public static TheoryData<ParticipationLevel> Levels => new(Enum.GetValues<ParticipationLevel>());

    [Theory]
    [MemberData(nameof(Levels))]
    public void A_decision_records_its_participation_level(ParticipationLevel level)
    {
        var t = TestMeeting.WithCurrentItem();

        var decision = t.Do(m => m.RecordDecision(t.F, m.NextId(), m.Items[0].Id, "  We go to the seaside in May  ", level, null));

        Assert.Equal(new Decision(decision.Id, t.Item(0).Id, "We go to the seaside in May", level, null), decision);
        Assert.Equal([decision], t.Meeting.Decisions);
    }

    [Fact]
    public void A_decision_can_point_at_the_poll_it_came_from()
    {
        var t = TestMeeting.InAgenda();
        var poll = t.OpenPoll();
        t.Do(m => m.ClosePoll(t.F, poll.Id, t.Now));

        var decision = t.Do(m => m.RecordDecision(t.F, m.NextId(), null, "Seaside it is", ParticipationLevel.CoProduction, poll.Id));

        Assert.Equal((null, poll.Id), (decision.ItemId, decision.PollId));
    }

    [Fact]
    public void A_decision_from_a_poll_still_open_is_refused()
    {
        var t = TestMeeting.InAgenda();
        var poll = t.OpenPoll();
        t.Refuses(ErrorCodes.PollStillOpen, m => m.RecordDecision(t.F, m.NextId(), null, "Seaside it is", ParticipationLevel.CoProduction, poll.Id));
    }

    [Fact]
    public void A_decision_about_an_unknown_item_is_refused()
    {
        var t = TestMeeting.InItems();
        t.Refuses(ErrorCodes.ItemNotFound, m => m.RecordDecision(t.F, m.NextId(), TestCast.Unknown, "Yes", ParticipationLevel.Informing, null));
    }

    [Fact]
    public void A_decision_from_an_unknown_poll_is_refused()
    {
        var t = TestMeeting.InItems();
        t.Refuses(ErrorCodes.PollNotFound, m => m.RecordDecision(t.F, m.NextId(), null, "Yes", ParticipationLevel.Informing, TestCast.Unknown));
    }

    [Theory]
    [InlineData(Phase.Gathering, ErrorCodes.WrongPhase)]
    [InlineData(Phase.Closed, ErrorCodes.MeetingClosed)]
    public void Decisions_are_recorded_only_in_the_agenda_and_items_phases(Phase phase, string code)
    {
        var t = TestMeeting.At(phase);
        t.Refuses(code, m => m.RecordDecision(t.F, m.NextId(), null, "Yes", ParticipationLevel.Consultation, null));
    }

    [Theory]
    [InlineData(Role.Member)]
    [InlineData(Role.Supporter)]
    [InlineData(Role.Listener)]
    [InlineData(Role.Screen)]
    public void Only_the_facilitator_records_decisions(Role role)
    {
        var t = TestMeeting.InItems();
        t.Refuses(ErrorCodes.NotAllowed, m => m.RecordDecision(t.Cast.IdOf(role), m.NextId(), null, "Yes", ParticipationLevel.CoDesign, null));
    }
}
