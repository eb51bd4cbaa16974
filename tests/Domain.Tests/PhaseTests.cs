using ForumHub.Domain.Meetings;
using ForumHub.Domain.Rules;

namespace ForumHub.Domain.Tests;

public class PhaseTests
{
    [Fact]
    public void Phases_move_forward_one_step_at_a_time_to_closed()
    {
        var t = TestMeeting.InGathering();

        t.Do(m => m.MoveTo(t.F, Phase.Agenda, t.Now));
        t.Do(m => m.ProposeItem(t.Cast.Member1, m.NextId(), "Trips", null, null));
        t.Do(m => m.AgreeAgenda(t.F, [m.Items[0].Id]));
        t.Do(m => m.MoveTo(t.F, Phase.Items, t.Now));
        t.Do(m => m.MoveTo(t.F, Phase.Closed, t.Now));

        var changes = t.History.OfType<PhaseChanged>().Select(p => (p.From, p.To)).ToList();
        Assert.Equal([(Phase.Gathering, Phase.Agenda), (Phase.Agenda, Phase.Items), (Phase.Items, Phase.Closed)], changes);
        Assert.Equal(Phase.Closed, t.Meeting.Phase);
    }

    [Theory]
    [InlineData(Phase.Gathering, Phase.Gathering)]
    [InlineData(Phase.Gathering, Phase.Items)]
    [InlineData(Phase.Agenda, Phase.Gathering)]
    [InlineData(Phase.Agenda, Phase.Agenda)]
    [InlineData(Phase.Items, Phase.Agenda)]
    [InlineData(Phase.Items, Phase.Gathering)]
    [InlineData(Phase.Items, Phase.Items)]
    public void Skipping_a_phase_going_back_or_staying_is_refused(Phase from, Phase to)
    {
        var t = TestMeeting.At(from);
        t.Refuses(ErrorCodes.PhaseOrder, m => m.MoveTo(t.F, to, t.Now));
    }

    [Theory]
    [InlineData(Phase.Gathering)]
    [InlineData(Phase.Agenda)]
    [InlineData(Phase.Items)]
    public void Closed_can_be_reached_from_any_open_phase(Phase from)
    {
        var t = TestMeeting.At(from);

        t.Do(m => m.MoveTo(t.F, Phase.Closed, t.Now));

        Assert.Equal(Phase.Closed, t.Meeting.Phase);
        Assert.Equal(new PhaseChanged(from, Phase.Closed, t.Now), t.History[^1]);
    }

    [Theory]
    [InlineData(Phase.Closed)]
    [InlineData(Phase.Gathering)]
    public void A_closed_meeting_moves_nowhere(Phase to)
    {
        var t = TestMeeting.Closed();
        t.Refuses(ErrorCodes.MeetingClosed, m => m.MoveTo(t.F, to, t.Now));
    }

    [Theory]
    [InlineData(Role.Member)]
    [InlineData(Role.Supporter)]
    [InlineData(Role.Listener)]
    [InlineData(Role.Screen)]
    public void Only_the_facilitator_moves_the_meeting_on(Role role)
    {
        var t = TestMeeting.InGathering();
        t.Refuses(ErrorCodes.NotAllowed, m => m.MoveTo(t.Cast.IdOf(role), Phase.Agenda, t.Now));
    }

    [Fact]
    public void Working_through_items_needs_an_agreed_agenda()
    {
        var t = TestMeeting.InAgenda(proposed: 3);
        t.Refuses(ErrorCodes.AgendaEmpty, m => m.MoveTo(t.F, Phase.Items, t.Now));
    }

    [Theory]
    [InlineData(Phase.Agenda)]
    [InlineData(Phase.Items)]
    public void The_meeting_cannot_close_while_a_poll_is_open(Phase phase)
    {
        var t = TestMeeting.At(phase);
        t.OpenPoll();

        t.Refuses(ErrorCodes.PollStillOpen, m => m.MoveTo(t.F, Phase.Closed, t.Now));
    }

    [Fact]
    public void Closing_carries_unfinished_agreed_items_forward_and_leaves_the_rest()
    {
        var t = TestMeeting.InAgenda(proposed: 4);
        t.Do(m => m.AgreeAgenda(t.F, [m.Items[0].Id, m.Items[1].Id, m.Items[2].Id]));
        t.Do(m => m.MoveTo(t.F, Phase.Items, t.Now));
        t.Do(m => m.StartItem(t.F, m.Items[0].Id));
        t.Do(m => m.FinishItem(t.F, m.Items[0].Id));
        t.Do(m => m.StartItem(t.F, m.Items[1].Id));

        t.Meeting.MoveTo(t.F, Phase.Closed, t.Now);
        var events = t.Commit();

        Assert.Equal(
            [ItemStatus.Done, ItemStatus.CarriedForward, ItemStatus.CarriedForward, ItemStatus.Proposed],
            t.Meeting.Items.Select(i => i.Status));
        Assert.Equal(
            [new ItemCarriedForward(t.Item(1).Id), new ItemCarriedForward(t.Item(2).Id), new PhaseChanged(Phase.Items, Phase.Closed, t.Now)],
            events);
        Assert.Null(t.Meeting.CurrentItem);
    }

    [Fact]
    public void Closing_from_the_agenda_phase_carries_agreed_items_forward()
    {
        var t = TestMeeting.InAgenda();
        t.Do(m => m.AgreeAgenda(t.F, [m.Items[1].Id]));

        t.Do(m => m.MoveTo(t.F, Phase.Closed, t.Now));

        Assert.Equal([ItemStatus.Proposed, ItemStatus.CarriedForward], t.Meeting.Items.Select(i => i.Status));
    }
}
