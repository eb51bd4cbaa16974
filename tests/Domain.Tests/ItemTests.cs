using ForumHub.Domain.Meetings;
using ForumHub.Domain.Rules;

namespace ForumHub.Domain.Tests;

/// <summary>Working through the agreed items: start, finish, carry forward, notes.</summary>
public class ItemTests
{
    [Fact]
    public void Starting_an_agreed_item_makes_it_current()
    {
        var t = TestMeeting.InItems();

        t.Do(m => m.StartItem(t.F, m.Items[1].Id));

        Assert.Equal(ItemStatus.Current, t.Item(1).Status);
        Assert.Same(t.Item(1), t.Meeting.CurrentItem);
    }

    [Fact]
    public void Only_one_item_is_in_progress_at_a_time()
    {
        var t = TestMeeting.WithCurrentItem();
        t.Refuses(ErrorCodes.ItemInProgress, m => m.StartItem(t.F, m.Items[1].Id));
    }

    [Fact]
    public void An_item_that_is_only_proposed_cannot_start()
    {
        var t = TestMeeting.InAgenda(proposed: 2);
        t.Do(m => m.AgreeAgenda(t.F, [m.Items[0].Id]));
        t.Do(m => m.MoveTo(t.F, Phase.Items, t.Now));

        t.Refuses(ErrorCodes.ItemWrongStatus, m => m.StartItem(t.F, m.Items[1].Id));
    }

    [Fact]
    public void A_finished_item_cannot_start_again()
    {
        var t = TestMeeting.WithCurrentItem();
        t.Do(m => m.FinishItem(t.F, m.Items[0].Id));

        t.Refuses(ErrorCodes.ItemWrongStatus, m => m.StartItem(t.F, m.Items[0].Id));
    }

    [Fact]
    public void Finishing_the_current_item_marks_it_done_and_frees_the_floor()
    {
        var t = TestMeeting.WithCurrentItem();

        t.Do(m => m.FinishItem(t.F, m.Items[0].Id));

        Assert.Equal(ItemStatus.Done, t.Item(0).Status);
        Assert.Null(t.Meeting.CurrentItem);
        t.Do(m => m.StartItem(t.F, m.Items[1].Id));
    }

    [Fact]
    public void Only_the_current_item_can_finish()
    {
        var t = TestMeeting.WithCurrentItem();
        t.Refuses(ErrorCodes.ItemWrongStatus, m => m.FinishItem(t.F, m.Items[1].Id));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void An_agreed_or_current_item_can_be_carried_forward(int index)
    {
        var t = TestMeeting.WithCurrentItem();

        t.Do(m => m.CarryForward(t.F, m.Items[index].Id));

        Assert.Equal(ItemStatus.CarriedForward, t.Item(index).Status);
        Assert.True(t.Item(index).IsOnAgenda);
    }

    [Fact]
    public void A_done_item_cannot_be_carried_forward()
    {
        var t = TestMeeting.WithCurrentItem();
        t.Do(m => m.FinishItem(t.F, m.Items[0].Id));

        t.Refuses(ErrorCodes.ItemWrongStatus, m => m.CarryForward(t.F, m.Items[0].Id));
    }

    [Fact]
    public void Notes_go_on_the_current_item()
    {
        var t = TestMeeting.WithCurrentItem();

        var note = t.Do(m => m.AddNote(t.F, m.NextId(), m.Items[0].Id, "  Amir wants a trip in May  "));

        Assert.Equal("Amir wants a trip in May", note.Text);
        Assert.Equal([note], t.Item(0).Notes);
    }

    [Fact]
    public void Notes_do_not_go_on_an_item_that_is_not_current()
    {
        var t = TestMeeting.WithCurrentItem();
        t.Refuses(ErrorCodes.ItemWrongStatus, m => m.AddNote(t.F, m.NextId(), m.Items[1].Id, "Too early"));
    }

    public static TheoryData<string> ItemCommands => ["start", "finish", "carry forward", "note"];

    private static void Run(string command, Meeting m, Guid actor, Guid itemId)
    {
        switch (command)
        {
            case "start": m.StartItem(actor, itemId); break;
            case "finish": m.FinishItem(actor, itemId); break;
            case "carry forward": m.CarryForward(actor, itemId); break;
            default: m.AddNote(actor, m.NextId(), itemId, "A note"); break;
        }
    }

    [Theory]
    [MemberData(nameof(ItemCommands))]
    public void Item_commands_refuse_an_unknown_item(string command)
    {
        var t = TestMeeting.WithCurrentItem();
        t.Refuses(ErrorCodes.ItemNotFound, m => Run(command, m, t.F, TestCast.Unknown));
    }

    [Theory]
    [MemberData(nameof(ItemCommands))]
    public void Item_commands_are_for_the_facilitator_only(string command)
    {
        var t = TestMeeting.WithCurrentItem();
        foreach (var role in new[] { Role.Member, Role.Supporter, Role.Listener, Role.Screen })
            t.Refuses(ErrorCodes.NotAllowed, m => Run(command, m, t.Cast.IdOf(role), m.Items[0].Id));
    }

    [Theory]
    [MemberData(nameof(ItemCommands))]
    public void Item_commands_work_only_in_the_items_phase(string command)
    {
        var agenda = TestMeeting.InAgenda();
        agenda.Do(m => m.AgreeAgenda(agenda.F, [m.Items[0].Id]));
        agenda.Refuses(ErrorCodes.WrongPhase, m => Run(command, m, agenda.F, m.Items[0].Id));

        var closed = TestMeeting.Closed();
        closed.Refuses(ErrorCodes.MeetingClosed, m => Run(command, m, closed.F, m.Items[0].Id));
    }
}
