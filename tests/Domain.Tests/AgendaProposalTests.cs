using ForumHub.Domain.Meetings;
using ForumHub.Domain.Rules;

namespace ForumHub.Domain.Tests;

/// <summary>Proposing agenda items directly, and promoting "What do you want to do?" answers to items.</summary>
public class AgendaProposalTests
{
    [Theory]
    [InlineData(Phase.Gathering)]
    [InlineData(Phase.Agenda)]
    public void A_member_proposes_an_item_while_gathering_or_agreeing_the_agenda(Phase phase)
    {
        var t = TestMeeting.At(phase);

        var item = t.Do(m => m.ProposeItem(t.Cast.Member2, m.NextId(), "  Bus passes ", "bus", null));

        Assert.Equal(("Bus passes", "bus", t.Cast.Member2, t.Cast.Member2, ItemStatus.Proposed),
            (item.Title, item.Picture, item.ProposedById, item.EnteredById, item.Status));
        Assert.Null(item.Position);
        Assert.Null(item.FromAnswerId);
        Assert.False(item.IsOnAgenda);
    }

    [Fact]
    public void A_supporter_proposes_with_their_member_and_is_recorded_as_entering_it()
    {
        var t = TestMeeting.InGathering();

        var item = t.Do(m => m.ProposeItem(t.Cast.Supporter, m.NextId(), "Bus passes", null, t.Cast.Member1));

        Assert.Equal((t.Cast.Member1, t.Cast.Supporter), (item.ProposedById, item.EnteredById));
    }

    [Fact]
    public void A_supporter_must_name_their_member_to_propose()
    {
        var t = TestMeeting.InGathering();
        t.Refuses(ErrorCodes.SupporterNeedsMember, m => m.ProposeItem(t.Cast.Supporter, m.NextId(), "Bus passes", null, null));
    }

    [Fact]
    public void A_supporter_cannot_propose_for_another_member()
    {
        var t = TestMeeting.InGathering();
        t.Refuses(ErrorCodes.NotYourMember, m => m.ProposeItem(t.Cast.Supporter, m.NextId(), "Bus passes", null, t.Cast.Member3));
    }

    [Fact]
    public void The_facilitator_proposes_for_any_member()
    {
        var t = TestMeeting.InGathering();

        var item = t.Do(m => m.ProposeItem(t.F, m.NextId(), "Bus passes", null, t.Cast.Member3));

        Assert.Equal((t.Cast.Member3, t.F), (item.ProposedById, item.EnteredById));
    }

    [Theory]
    [InlineData(Role.Listener)]
    [InlineData(Role.Screen)]
    public void Listeners_and_screens_cannot_propose(Role role)
    {
        var t = TestMeeting.InGathering();
        t.Refuses(ErrorCodes.NotAllowed, m => m.ProposeItem(t.Cast.IdOf(role), m.NextId(), "Budgets", null, null));
    }

    [Theory]
    [InlineData(Phase.Items, ErrorCodes.WrongPhase)]
    [InlineData(Phase.Closed, ErrorCodes.MeetingClosed)]
    public void Items_are_proposed_only_before_the_agenda_is_worked_through(Phase phase, string code)
    {
        var t = TestMeeting.At(phase);
        t.Refuses(code, m => m.ProposeItem(t.Cast.Member1, m.NextId(), "Late idea", null, null));
    }

    [Fact]
    public void Promoting_a_wish_keeps_who_said_it_and_links_the_answer()
    {
        var t = TestMeeting.InGathering();
        var answer = t.Do(m => m.AnswerQuestion(t.Cast.Supporter, m.NextId(), Question.WhatDoYouWantToDo, "Go bowling", "ball", t.Cast.Member1));

        var item = t.Do(m => m.PromoteAnswer(t.F, m.NextId(), answer.Id, null));

        Assert.Equal(("Go bowling", "ball", t.Cast.Member1, t.F, answer.Id),
            (item.Title, item.Picture, item.ProposedById, item.EnteredById, item.FromAnswerId));
        Assert.Equal(item.Id, answer.PromotedToItemId);
    }

    [Fact]
    public void Promoting_with_a_title_uses_that_title()
    {
        var t = TestMeeting.InGathering();
        var answer = t.Do(m => m.AnswerQuestion(t.Cast.Member2, m.NextId(), Question.WhatDoYouWantToDo, "I want to go bowling again", null, null));
        t.Do(m => m.MoveTo(t.F, Phase.Agenda, t.Now));

        Assert.Equal("Bowling", t.Do(m => m.PromoteAnswer(t.F, m.NextId(), answer.Id, " Bowling ")).Title);
    }

    [Fact]
    public void Promoting_an_answer_longer_than_an_item_title_needs_a_shorter_title()
    {
        var t = TestMeeting.InGathering();
        var text = new string('w', Limits.Title + 1);
        var answer = t.Do(m => m.AnswerQuestion(t.Cast.Member2, m.NextId(), Question.WhatDoYouWantToDo, text, null, null));

        t.Refuses(ErrorCodes.TextTooLong, m => m.PromoteAnswer(t.F, m.NextId(), answer.Id, null));
        Assert.Equal("Short", t.Do(m => m.PromoteAnswer(t.F, m.NextId(), answer.Id, "Short")).Title);
    }

    [Fact]
    public void An_answer_is_promoted_only_once()
    {
        var t = TestMeeting.InGathering();
        var answer = t.Do(m => m.AnswerQuestion(t.Cast.Member2, m.NextId(), Question.WhatDoYouWantToDo, "Go bowling", null, null));
        t.Do(m => m.PromoteAnswer(t.F, m.NextId(), answer.Id, null));

        t.Refuses(ErrorCodes.AnswerAlreadyPromoted, m => m.PromoteAnswer(t.F, m.NextId(), answer.Id, "Again"));
    }

    [Fact]
    public void Only_wishes_become_items()
    {
        var t = TestMeeting.InGathering();
        var answer = t.Do(m => m.AnswerQuestion(t.Cast.Member2, m.NextId(), Question.WhyAreYouHere, "My friends", null, null));

        t.Refuses(ErrorCodes.WrongQuestion, m => m.PromoteAnswer(t.F, m.NextId(), answer.Id, null));
    }

    [Fact]
    public void Promoting_an_unknown_answer_is_refused()
    {
        var t = TestMeeting.InGathering();
        t.Refuses(ErrorCodes.AnswerNotFound, m => m.PromoteAnswer(t.F, m.NextId(), TestCast.Unknown, null));
    }

    [Theory]
    [InlineData(Role.Member)]
    [InlineData(Role.Supporter)]
    [InlineData(Role.Listener)]
    public void Only_the_facilitator_promotes_answers(Role role)
    {
        var t = TestMeeting.InGathering();
        var answer = t.Do(m => m.AnswerQuestion(t.Cast.Member1, m.NextId(), Question.WhatDoYouWantToDo, "Go bowling", null, null));

        t.Refuses(ErrorCodes.NotAllowed, m => m.PromoteAnswer(t.Cast.IdOf(role), m.NextId(), answer.Id, null));
    }

    [Fact]
    public void Answers_are_not_promoted_once_items_are_being_worked_through()
    {
        var t = TestMeeting.InGathering();
        var answer = t.Do(m => m.AnswerQuestion(t.Cast.Member1, m.NextId(), Question.WhatDoYouWantToDo, "Go bowling", null, null));
        t.Do(m => m.MoveTo(t.F, Phase.Agenda, t.Now));
        t.Do(m => m.AgreeAgenda(t.F, [m.ProposeItem(t.Cast.Member1, m.NextId(), "Trips", null, null).Id]));
        t.Do(m => m.MoveTo(t.F, Phase.Items, t.Now));

        t.Refuses(ErrorCodes.WrongPhase, m => m.PromoteAnswer(t.F, m.NextId(), answer.Id, null));
    }
}
