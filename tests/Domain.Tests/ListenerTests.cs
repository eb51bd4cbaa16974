using ForumHub.Domain.Meetings;
using ForumHub.Domain.Rules;

namespace ForumHub.Domain.Tests;

/// <summary>Listeners respond only when the facilitator invites them; each invitation is used once.</summary>
public class ListenerTests
{
    private static TestMeeting Invited(TestMeeting t)
    {
        t.Do(m => m.InviteListener(t.F, t.Cast.Listener, null));
        return t;
    }

    [Theory]
    [InlineData(Phase.Gathering)]
    [InlineData(Phase.Agenda)]
    [InlineData(Phase.Items)]
    public void The_facilitator_invites_a_listener_in_any_open_phase(Phase phase)
    {
        var t = Invited(TestMeeting.At(phase));
        Assert.Equal([t.Cast.Listener], t.Meeting.InvitedListeners);
    }

    [Fact]
    public void An_invited_listener_responds_once_and_the_response_is_about_the_current_item()
    {
        var t = Invited(TestMeeting.WithCurrentItem());

        var response = t.Do(m => m.Respond(t.Cast.Listener, m.NextId(), "  We will fund the trip  ", null));

        Assert.Equal(new ListenerResponse(response.Id, t.Cast.Listener, t.Item(0).Id, "We will fund the trip"), response);
        Assert.Empty(t.Meeting.InvitedListeners);
        t.Refuses(ErrorCodes.ListenerNotInvited, m => m.Respond(t.Cast.Listener, m.NextId(), "And another thing", null));
    }

    [Fact]
    public void A_response_can_name_an_item_and_must_name_a_real_one()
    {
        var t = Invited(TestMeeting.InItems());
        t.Refuses(ErrorCodes.ItemNotFound, m => m.Respond(t.Cast.Listener, m.NextId(), "About that", TestCast.Unknown));

        Assert.Equal(t.Item(1).Id, t.Do(m => m.Respond(t.Cast.Listener, m.NextId(), "About that", m.Items[1].Id)).ItemId);
    }

    [Fact]
    public void A_listener_who_was_not_invited_cannot_respond()
    {
        var t = TestMeeting.InItems();
        t.Refuses(ErrorCodes.ListenerNotInvited, m => m.Respond(t.Cast.Listener, m.NextId(), "May I?", null));
    }

    [Theory]
    [InlineData(Role.Member)]
    [InlineData(Role.Facilitator)]
    [InlineData(Role.Supporter)]
    [InlineData(Role.Screen)]
    public void Only_listeners_respond(Role role)
    {
        var t = Invited(TestMeeting.InItems());
        t.Refuses(ErrorCodes.NotAllowed, m => m.Respond(t.Cast.IdOf(role), m.NextId(), "Me too", null));
    }

    [Fact]
    public void A_response_can_become_an_action_the_listener_owns()
    {
        var t = Invited(TestMeeting.WithCurrentItem());
        var response = t.Do(m => m.Respond(t.Cast.Listener, m.NextId(), "We will fund the trip", null));

        var action = t.Do(m => m.AddAction(t.F, m.NextId(), m.Items[0].Id, "Fund the trip", t.Cast.Listener, null, TestCast.Today.AddDays(30),
            response.Id, TestCast.Today));

        Assert.Equal((t.Cast.Listener, response.Id), (action.OwnerId, action.FromResponseId));
        t.Do(m => m.SetActionStatus(t.Cast.Listener, action.Id, ActionStatus.Done));
        Assert.Equal(ActionStatus.Done, action.Status);
    }

    [Fact]
    public void A_listener_is_invited_once_until_they_respond()
    {
        var t = Invited(TestMeeting.InItems());
        t.Refuses(ErrorCodes.AlreadyInvited, m => m.InviteListener(t.F, t.Cast.Listener, null));

        t.Do(m => m.Respond(t.Cast.Listener, m.NextId(), "Thanks", null));
        t.Do(m => m.InviteListener(t.F, t.Cast.Listener, null));
    }

    [Theory]
    [InlineData(Role.Member)]
    [InlineData(Role.Facilitator)]
    [InlineData(Role.Supporter)]
    public void Only_listeners_are_invited(Role role)
    {
        var t = TestMeeting.InItems();
        t.Refuses(ErrorCodes.NotAListener, m => m.InviteListener(t.F, t.Cast.IdOf(role), null));
    }

    [Fact]
    public void Inviting_an_unknown_person_a_screen_or_about_an_unknown_item_is_refused()
    {
        var t = TestMeeting.InItems();
        t.Refuses(ErrorCodes.ParticipantNotFound, m => m.InviteListener(t.F, TestCast.Unknown, null));
        t.Refuses(ErrorCodes.ParticipantNotFound, m => m.InviteListener(t.F, t.Cast.Screen, null));
        t.Refuses(ErrorCodes.ItemNotFound, m => m.InviteListener(t.F, t.Cast.Listener, TestCast.Unknown));
    }

    [Theory]
    [InlineData(Role.Member)]
    [InlineData(Role.Supporter)]
    [InlineData(Role.Listener)]
    [InlineData(Role.Screen)]
    public void Only_the_facilitator_invites(Role role)
    {
        var t = TestMeeting.InItems();
        t.Refuses(ErrorCodes.NotAllowed, m => m.InviteListener(t.Cast.IdOf(role), t.Cast.Listener, null));
    }

    [Fact]
    public void After_the_meeting_closed_nobody_is_invited_and_nobody_responds()
    {
        var t = Invited(TestMeeting.InItems());
        t.Do(m => m.MoveTo(t.F, Phase.Closed, t.Now));

        t.Refuses(ErrorCodes.MeetingClosed, m => m.Respond(t.Cast.Listener, m.NextId(), "Late", null));
        t.Refuses(ErrorCodes.MeetingClosed, m => m.InviteListener(t.F, t.Cast.Listener, null));
    }

    [Fact]
    public void A_response_is_filed_under_the_item_the_listener_was_asked_about()
    {
        var t = TestMeeting.WithCurrentItem();
        t.Do(m => m.InviteListener(t.F, t.Cast.Listener, m.Items[1].Id));

        var response = t.Do(m => m.Respond(t.Cast.Listener, m.NextId(), "We will look at it", null));

        Assert.Equal(t.Item(1).Id, response.ItemId);
        Assert.NotEqual(t.Meeting.CurrentItem!.Id, response.ItemId);
    }
}
