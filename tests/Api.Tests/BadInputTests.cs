using ForumHub.Api.Features.Agenda;
using ForumHub.Api.Features.Meetings;
using ForumHub.Api.Features.Polls;
using ForumHub.Api.Features.Questions;
using ForumHub.Api.Runtime;
using ForumHub.Api.Tests.Infrastructure;
using ForumHub.Domain.Meetings;
using ForumHub.Domain.Rules;
using Microsoft.Extensions.DependencyInjection;

namespace ForumHub.Api.Tests;

/// <summary>Every bad input named in the live-meeting issue: refused with its code, and PostgreSQL unchanged.</summary>
public sealed class BadInputTests(PostgresFixture postgres) : MeetingTestBase(postgres)
{
    private Caller Ana => ForumApp.As(Scenario.Ana);
    private Caller Listener => ForumApp.As(Scenario.Listener);

    [Theory]
    [InlineData("", ErrorCodes.TextEmpty)]
    [InlineData("   \t\n ", ErrorCodes.TextEmpty)]
    [InlineData(null, ErrorCodes.TextEmpty)]
    public Task Empty_or_whitespace_answer_is_refused(string? text, string code) =>
        Scenario.AssertRefusedAsync(code, () => App.SendAsync(new AnswerQuestion(Question.WhyAreYouHere, text!, null, null), Ana));

    [Fact]
    public async Task Answer_over_280_characters_is_refused_but_280_is_fine()
    {
        await Scenario.AssertRefusedAsync(ErrorCodes.TextTooLong,
            () => App.SendAsync(new AnswerQuestion(Question.WhyAreYouHere, new string('a', Limits.Answer + 1), null, null), Ana));
        await App.SendAsync(new AnswerQuestion(Question.WhyAreYouHere, new string('a', Limits.Answer), null, null), Ana);
    }

    [Fact]
    public Task Item_title_over_120_characters_is_refused() =>
        Scenario.AssertRefusedAsync(ErrorCodes.TextTooLong,
            () => App.SendAsync(new ProposeItem(new string('t', Limits.Title + 1), null, null), Ana));

    [Fact]
    public async Task Command_in_the_wrong_phase_is_refused()
    {
        await Scenario.AssertRefusedAsync(ErrorCodes.WrongPhase, () => App.SendAsync(new AgreeAgenda([Guid.NewGuid()]), Scenario.Facilitator));
        await Scenario.AssertRefusedAsync(ErrorCodes.PhaseOrder, () => App.SendAsync(new MoveToPhase(Phase.Items), Scenario.Facilitator));
    }

    [Fact]
    public async Task Listener_cannot_propose_an_item_or_vote()
    {
        await Scenario.AssertRefusedAsync(ErrorCodes.NotAllowed, () => App.SendAsync(new ProposeItem("More buses", null, null), Listener));
        await Scenario.ToItemsAsync();
        var poll = await Scenario.OpenPollAsync();
        await Scenario.AssertRefusedAsync(ErrorCodes.NotAllowed, () => App.SendAsync(new CastBallot(poll, "yes", null), Listener));
    }

    [Fact]
    public async Task Member_cannot_open_or_close_a_poll()
    {
        await Scenario.ToItemsAsync();
        await Scenario.AssertRefusedAsync(ErrorCodes.NotAllowed, () => App.SendAsync(new OpenPoll(null, "Buses?", null, false, false), Ana));
        var poll = await Scenario.OpenPollAsync();
        await Scenario.AssertRefusedAsync(ErrorCodes.NotAllowed, () => App.SendAsync(new ClosePoll(poll), Ana));
    }

    [Fact]
    public async Task Ballot_for_a_missing_option_a_second_ballot_and_a_ballot_after_close_are_refused()
    {
        await Scenario.ToItemsAsync();
        var poll = await Scenario.OpenPollAsync();
        await Scenario.AssertRefusedAsync(ErrorCodes.OptionNotFound, () => App.SendAsync(new CastBallot(poll, "maybe", null), Ana));
        await App.SendAsync(new CastBallot(poll, "yes", null), Ana);
        await Scenario.AssertRefusedAsync(ErrorCodes.AlreadyVoted, () => App.SendAsync(new CastBallot(poll, "no", null), Ana));
        await App.SendAsync(new ClosePoll(poll), Scenario.Facilitator);
        await Scenario.AssertRefusedAsync(ErrorCodes.PollClosed, () => App.SendAsync(new CastBallot(poll, "no", null), ForumApp.As(Scenario.Ben)));
        Assert.Equal(1, (await App.DbStateAsync(Scenario.Id)).Ballots);
    }

    [Fact]
    public async Task Supporter_cannot_vote_for_a_member_they_do_not_support()
    {
        await Scenario.ToItemsAsync();
        var poll = await Scenario.OpenPollAsync();
        await Scenario.AssertRefusedAsync(ErrorCodes.NotYourMember,
            () => App.SendAsync(new CastBallot(poll, "yes", Scenario.Ana.ParticipantId), ForumApp.As(Scenario.Supporter)));
    }

    [Fact]
    public async Task Ids_from_another_meeting_are_unknown_here()
    {
        var other = await MeetingScenario.StartAsync(App);
        var otherItem = await other.ToAgendaAsync();
        await App.SendAsync(new MoveToPhase(Phase.Agenda), Scenario.Facilitator);
        await Scenario.AssertRefusedAsync(ErrorCodes.AgendaInvalid, () => App.SendAsync(new AgreeAgenda([otherItem]), Scenario.Facilitator));
        await Scenario.AssertRefusedAsync(ErrorCodes.ParticipantNotFound,
            () => App.SendAsync(new AnswerQuestion(Question.WhyAreYouHere, "hi", null, null), ForumApp.As(other.Ana) with { MeetingId = Scenario.Id }));
    }

    [Fact]
    public Task Command_without_a_command_id_is_refused() =>
        Scenario.AssertRefusedAsync(ApiErrorCodes.CommandIdRequired, async () =>
        {
            await using var scope = App.Services.CreateAsyncScope();
            var mediator = scope.ServiceProvider.GetRequiredService<MediatR.IMediator>();
            await mediator.Send(new AnswerQuestion(Question.WhyAreYouHere, "hi", null, null) { Caller = Ana });
        });

    [Fact]
    public async Task Missing_choices_are_refused_rather_than_defaulted()
    {
        await Scenario.AssertRefusedAsync(ApiErrorCodes.InvalidRequest, () => App.SendAsync(new AnswerQuestion(null, "hi", null, null), Ana));
        await Scenario.AssertRefusedAsync(ApiErrorCodes.InvalidRequest, () => App.SendAsync(new MoveToPhase(null), Scenario.Facilitator));
        await Scenario.AssertRefusedAsync(ApiErrorCodes.InvalidRequest, () => App.SendAsync(new Features.Cards.RaiseCard(null, null), Ana));
        await Scenario.ToItemsAsync();
        await Scenario.AssertRefusedAsync(ApiErrorCodes.InvalidRequest,
            () => App.SendAsync(new Features.Outcomes.RecordDecision(null, "We will ask", null, null), Scenario.Facilitator));
    }
}
