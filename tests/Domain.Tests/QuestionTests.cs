using ForumHub.Domain.Meetings;
using ForumHub.Domain.Rules;

namespace ForumHub.Domain.Tests;

/// <summary>The two questions: "Why are you here?" (everyone) and "What do you want to do?" (people who set the agenda).</summary>
public class QuestionTests
{
    private static readonly Question Why = Question.WhyAreYouHere;
    private static readonly Question Wish = Question.WhatDoYouWantToDo;

    [Theory]
    [InlineData(Question.WhyAreYouHere)]
    [InlineData(Question.WhatDoYouWantToDo)]
    public void A_member_answers_for_themself(Question question)
    {
        var t = TestMeeting.InGathering();

        var answer = t.Do(m => m.AnswerQuestion(t.Cast.Member2, m.NextId(), question, "  More trips  ", " bus ", null));

        Assert.Equal((question, t.Cast.Member2, t.Cast.Member2, "More trips", "bus"),
            (answer.Question, answer.ParticipantId, answer.EnteredById, answer.Text, answer.Picture));
        Assert.Null(answer.PromotedToItemId);
        Assert.Same(answer, Assert.Single(t.Meeting.Answers));
    }

    [Fact]
    public void A_blank_picture_means_no_picture()
    {
        var t = TestMeeting.InGathering();
        Assert.Null(t.Do(m => m.AnswerQuestion(t.Cast.Member2, m.NextId(), Why, "Friends", "   ", null)).Picture);
    }

    [Fact]
    public void A_listener_answers_why_they_are_here()
    {
        var t = TestMeeting.InGathering();
        Assert.Equal(t.Cast.Listener, t.Do(m => m.AnswerQuestion(t.Cast.Listener, m.NextId(), Why, "To listen", null, null)).ParticipantId);
    }

    [Fact]
    public void A_listener_cannot_answer_what_they_want_to_do()
    {
        var t = TestMeeting.InGathering();
        t.Refuses(ErrorCodes.NotAllowed, m => m.AnswerQuestion(t.Cast.Listener, m.NextId(), Wish, "Budgets", null, null));
    }

    [Theory]
    [InlineData(Question.WhyAreYouHere)]
    [InlineData(Question.WhatDoYouWantToDo)]
    public void The_shared_screen_answers_nothing(Question question)
    {
        var t = TestMeeting.InGathering();
        t.Refuses(ErrorCodes.NotAllowed, m => m.AnswerQuestion(t.Cast.Screen, m.NextId(), question, "Hello", null, null));
    }

    [Fact]
    public void A_supporter_answers_why_they_are_here_for_themself()
    {
        var t = TestMeeting.InGathering();

        var answer = t.Do(m => m.AnswerQuestion(t.Cast.Supporter, m.NextId(), Why, "To help Amir", null, null));

        Assert.Equal((t.Cast.Supporter, t.Cast.Supporter), (answer.ParticipantId, answer.EnteredById));
    }

    [Theory]
    [InlineData(Question.WhyAreYouHere)]
    [InlineData(Question.WhatDoYouWantToDo)]
    public void A_supporter_answers_with_their_member_and_is_recorded_as_entering_it(Question question)
    {
        var t = TestMeeting.InGathering();

        var answer = t.Do(m => m.AnswerQuestion(t.Cast.Supporter, m.NextId(), question, "Swimming", null, t.Cast.Member1));

        Assert.Equal((t.Cast.Member1, t.Cast.Supporter), (answer.ParticipantId, answer.EnteredById));
    }

    [Fact]
    public void A_supporter_must_name_their_member_to_say_what_to_do()
    {
        var t = TestMeeting.InGathering();
        t.Refuses(ErrorCodes.SupporterNeedsMember, m => m.AnswerQuestion(t.Cast.Supporter, m.NextId(), Wish, "Swimming", null, null));
    }

    [Theory]
    [InlineData(Question.WhyAreYouHere)]
    [InlineData(Question.WhatDoYouWantToDo)]
    public void A_supporter_cannot_answer_for_a_member_they_do_not_support(Question question)
    {
        var t = TestMeeting.InGathering();
        t.Refuses(ErrorCodes.NotYourMember, m => m.AnswerQuestion(t.Cast.Supporter, m.NextId(), question, "Swimming", null, t.Cast.Member2));
    }

    [Fact]
    public void A_supporter_naming_themself_as_the_member_is_refused()
    {
        var t = TestMeeting.InGathering();
        t.Refuses(ErrorCodes.SupporterNeedsMember, m => m.AnswerQuestion(t.Cast.Supporter, m.NextId(), Wish, "Swimming", null, t.Cast.Supporter));
    }

    [Fact]
    public void A_member_cannot_answer_for_another_member()
    {
        var t = TestMeeting.InGathering();
        t.Refuses(ErrorCodes.NotYourMember, m => m.AnswerQuestion(t.Cast.Member2, m.NextId(), Wish, "Swimming", null, t.Cast.Member3));
    }

    [Fact]
    public void The_facilitator_answers_for_any_member_and_is_recorded_as_entering_it()
    {
        var t = TestMeeting.InGathering();

        var answer = t.Do(m => m.AnswerQuestion(t.F, m.NextId(), Wish, "Cinema", null, t.Cast.Member3));

        Assert.Equal((t.Cast.Member3, t.F), (answer.ParticipantId, answer.EnteredById));
    }

    [Theory]
    [InlineData(Role.Listener)]
    [InlineData(Role.Supporter)]
    [InlineData(Role.Screen)]
    public void Nobody_answers_for_someone_who_is_not_a_member(Role role)
    {
        var t = TestMeeting.InGathering();
        t.Refuses(ErrorCodes.NotAMember, m => m.AnswerQuestion(t.F, m.NextId(), Wish, "Cinema", null, t.Cast.IdOf(role)));
    }

    [Fact]
    public void Answering_for_an_unknown_member_is_refused()
    {
        var t = TestMeeting.InGathering();
        t.Refuses(ErrorCodes.ParticipantNotFound, m => m.AnswerQuestion(t.F, m.NextId(), Wish, "Cinema", null, TestCast.Unknown));
    }

    [Theory]
    [InlineData(Phase.Agenda, ErrorCodes.WrongPhase)]
    [InlineData(Phase.Items, ErrorCodes.WrongPhase)]
    [InlineData(Phase.Closed, ErrorCodes.MeetingClosed)]
    public void Questions_are_answered_only_while_gathering(Phase phase, string code)
    {
        var t = TestMeeting.At(phase);
        t.Refuses(code, m => m.AnswerQuestion(t.Cast.Member1, m.NextId(), Why, "Friends", null, null));
    }
}
