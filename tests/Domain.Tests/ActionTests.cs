using ForumHub.Domain.Meetings;
using ForumHub.Domain.Rules;

namespace ForumHub.Domain.Tests;

/// <summary>Every action has an owner and maybe a supporter and a due date; the owner or facilitator updates it.</summary>
public class ActionTests
{
    private static readonly DateOnly Today = TestCast.Today;

    private static MeetingAction AddFor(TestMeeting t, Guid owner) =>
        t.Do(m => m.AddAction(t.F, m.NextId(), null, "Ring the council", owner, null, null, null, Today));

    [Fact]
    public void An_action_records_what_who_with_whom_and_by_when()
    {
        var t = TestMeeting.WithCurrentItem();

        var action = t.Do(m => m.AddAction(t.F, m.NextId(), m.Items[0].Id, "  Book the coach  ", t.Cast.Member1, t.Cast.Supporter, Today, null, Today));

        Assert.Equal((t.Item(0).Id, "Book the coach", t.Cast.Member1, t.Cast.Supporter, Today, ActionStatus.Open),
            (action.ItemId, action.What, action.OwnerId, action.SupporterId, action.DueDate, action.Status));
        Assert.Null(action.FromResponseId);
        Assert.Equal([action], t.Meeting.Actions);
    }

    [Fact]
    public void An_action_needs_no_due_date_but_refuses_one_in_the_past()
    {
        var t = TestMeeting.InAgenda();
        Assert.Null(t.Do(m => m.AddAction(t.F, m.NextId(), null, "Ask", t.Cast.Member2, null, null, null, Today)).DueDate);

        t.Refuses(ErrorCodes.DueDateInPast,
            m => m.AddAction(t.F, m.NextId(), null, "Ask", t.Cast.Member2, null, Today.AddDays(-1), null, Today));
    }

    [Theory]
    [InlineData(Role.Facilitator)]
    [InlineData(Role.Member)]
    [InlineData(Role.Supporter)]
    [InlineData(Role.Listener)]
    public void Anyone_but_a_screen_can_own_an_action(Role role)
    {
        var t = TestMeeting.InAgenda();
        Assert.Equal(t.Cast.IdOf(role), AddFor(t, t.Cast.IdOf(role)).OwnerId);
    }

    [Fact]
    public void The_owner_must_be_someone_in_the_meeting()
    {
        var t = TestMeeting.InAgenda();
        t.Refuses(ErrorCodes.ParticipantNotFound, m => m.AddAction(t.F, m.NextId(), null, "Ask", TestCast.Unknown, null, null, null, Today));
        t.Refuses(ErrorCodes.ParticipantNotFound, m => m.AddAction(t.F, m.NextId(), null, "Ask", Guid.Empty, null, null, null, Today));
        t.Refuses(ErrorCodes.ParticipantNotFound, m => m.AddAction(t.F, m.NextId(), null, "Ask", t.Cast.Screen, null, null, null, Today));
        t.Refuses(ErrorCodes.ParticipantNotFound, m => m.AddAction(t.F, m.NextId(), null, "Ask", t.Cast.Member1, TestCast.Unknown, null, null, Today));
    }

    [Fact]
    public void A_removed_person_cannot_own_or_support_an_action()
    {
        var t = TestMeeting.InAgenda();
        t.Do(m => m.Remove(t.F, t.Cast.Member3));

        t.Refuses(ErrorCodes.ParticipantRemoved, m => m.AddAction(t.F, m.NextId(), null, "Ask", t.Cast.Member3, null, null, null, Today));
        t.Refuses(ErrorCodes.ParticipantRemoved, m => m.AddAction(t.F, m.NextId(), null, "Ask", t.Cast.Member1, t.Cast.Member3, null, null, Today));
    }

    [Fact]
    public void An_action_about_an_unknown_item_or_response_is_refused()
    {
        var t = TestMeeting.InItems();
        t.Refuses(ErrorCodes.ItemNotFound, m => m.AddAction(t.F, m.NextId(), TestCast.Unknown, "Ask", t.Cast.Member1, null, null, null, Today));
        t.Refuses(ErrorCodes.ResponseNotFound, m => m.AddAction(t.F, m.NextId(), null, "Ask", t.Cast.Member1, null, null, TestCast.Unknown, Today));
    }

    [Theory]
    [InlineData(Phase.Gathering, ErrorCodes.WrongPhase)]
    [InlineData(Phase.Closed, ErrorCodes.MeetingClosed)]
    public void Actions_are_added_only_in_the_agenda_and_items_phases(Phase phase, string code)
    {
        var t = TestMeeting.At(phase);
        t.Refuses(code, m => m.AddAction(t.F, m.NextId(), null, "Ask", t.Cast.Member1, null, null, null, Today));
    }

    [Theory]
    [InlineData(Role.Member)]
    [InlineData(Role.Supporter)]
    [InlineData(Role.Listener)]
    [InlineData(Role.Screen)]
    public void Only_the_facilitator_adds_actions(Role role)
    {
        var t = TestMeeting.InAgenda();
        t.Refuses(ErrorCodes.NotAllowed, m => m.AddAction(t.Cast.IdOf(role), m.NextId(), null, "Ask", t.Cast.Member1, null, null, null, Today));
    }

    [Theory]
    [InlineData(ActionStatus.Done)]
    [InlineData(ActionStatus.Dropped)]
    public void The_owner_or_the_facilitator_changes_the_status(ActionStatus status)
    {
        var t = TestMeeting.InAgenda();
        var action = AddFor(t, t.Cast.Member2);

        t.Do(m => m.SetActionStatus(t.Cast.Member2, action.Id, status));
        Assert.Equal(status, action.Status);

        t.Do(m => m.SetActionStatus(t.F, action.Id, ActionStatus.Open));
        Assert.Equal(ActionStatus.Open, action.Status);
    }

    [Theory]
    [InlineData(Role.Member)]
    [InlineData(Role.Supporter)]
    [InlineData(Role.Listener)]
    public void Nobody_else_changes_the_status(Role role)
    {
        var t = TestMeeting.InAgenda();
        var action = AddFor(t, t.Cast.Member2);

        t.Refuses(ErrorCodes.NotAllowed, m => m.SetActionStatus(t.Cast.IdOf(role), action.Id, ActionStatus.Done));
        t.Refuses(ErrorCodes.NotAllowed, m => m.SetActionStatus(t.Cast.Screen, action.Id, ActionStatus.Done));
    }

    [Fact]
    public void Changing_an_unknown_action_is_refused()
    {
        var t = TestMeeting.InAgenda();
        t.Refuses(ErrorCodes.ActionNotFound, m => m.SetActionStatus(t.F, TestCast.Unknown, ActionStatus.Done));
    }

    [Fact]
    public void An_owner_can_still_mark_an_action_done_after_the_meeting_closed()
    {
        var t = TestMeeting.InAgenda();
        var action = AddFor(t, t.Cast.Member2);
        t.Do(m => m.MoveTo(t.F, Phase.Closed, t.Now));

        t.Do(m => m.SetActionStatus(t.Cast.Member2, action.Id, ActionStatus.Done));

        Assert.Equal(ActionStatus.Done, t.Meeting.Actions.Single().Status);
    }
}
