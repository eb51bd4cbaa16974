using ForumHub.Domain.Meetings;
using ForumHub.Domain.Rules;

namespace ForumHub.Domain.Tests;

/// <summary>The facilitator confirms which proposed items make the agenda, and in which order.</summary>
public class AgendaAgreementTests
{
    [Fact]
    public void Agreeing_puts_the_chosen_items_on_the_agenda_in_order()
    {
        var t = TestMeeting.InAgenda(proposed: 3);

        t.Do(m => m.AgreeAgenda(t.F, [m.Items[2].Id, m.Items[0].Id]));

        Assert.Equal([(ItemStatus.Agreed, 2), (ItemStatus.Proposed, null), (ItemStatus.Agreed, 1)],
            t.Meeting.Items.Select(i => (i.Status, i.Position)));
        Assert.True(t.Item(0).IsOnAgenda);
        Assert.False(t.Item(1).IsOnAgenda);
        Assert.Equal([t.Item(2).Id, t.Item(0).Id], Assert.IsType<AgendaAgreed>(t.History[^1]).ItemIds);
    }

    [Fact]
    public void Agreeing_again_reorders_and_sends_left_out_items_back_to_proposed()
    {
        var t = TestMeeting.InAgenda(proposed: 3);
        t.Do(m => m.AgreeAgenda(t.F, [m.Items[0].Id, m.Items[1].Id]));

        t.Do(m => m.AgreeAgenda(t.F, [m.Items[2].Id, m.Items[1].Id]));

        Assert.Equal([(ItemStatus.Proposed, null), (ItemStatus.Agreed, 2), (ItemStatus.Agreed, 1)],
            t.Meeting.Items.Select(i => (i.Status, i.Position)));
    }

    [Fact]
    public void An_empty_agenda_is_refused()
    {
        var t = TestMeeting.InAgenda();
        t.Refuses(ErrorCodes.AgendaInvalid, m => m.AgreeAgenda(t.F, []));
    }

    [Fact]
    public void An_item_listed_twice_is_refused()
    {
        var t = TestMeeting.InAgenda();
        t.Refuses(ErrorCodes.AgendaInvalid, m => m.AgreeAgenda(t.F, [m.Items[0].Id, m.Items[1].Id, m.Items[0].Id]));
    }

    [Fact]
    public void An_unknown_item_is_refused()
    {
        var t = TestMeeting.InAgenda();
        t.Refuses(ErrorCodes.AgendaInvalid, m => m.AgreeAgenda(t.F, [m.Items[0].Id, TestCast.Unknown]));
    }

    [Theory]
    [InlineData(Role.Member)]
    [InlineData(Role.Supporter)]
    [InlineData(Role.Listener)]
    [InlineData(Role.Screen)]
    public void Only_the_facilitator_agrees_the_agenda(Role role)
    {
        var t = TestMeeting.InAgenda();
        t.Refuses(ErrorCodes.NotAllowed, m => m.AgreeAgenda(t.Cast.IdOf(role), [m.Items[0].Id]));
    }

    [Fact]
    public void The_agenda_is_agreed_only_in_the_agenda_phase()
    {
        var t = TestMeeting.InGathering();
        var item = t.Do(m => m.ProposeItem(t.Cast.Member1, m.NextId(), "Trips", null, null));
        t.Refuses(ErrorCodes.WrongPhase, m => m.AgreeAgenda(t.F, [item.Id]));

        var items = TestMeeting.InItems();
        items.Refuses(ErrorCodes.WrongPhase, m => m.AgreeAgenda(items.F, [m.Items[0].Id]));

        var closed = TestMeeting.Closed();
        closed.Refuses(ErrorCodes.MeetingClosed, m => m.AgreeAgenda(closed.F, [m.Items[0].Id]));
    }
}
