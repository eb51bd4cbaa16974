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
[Collection(PostgresCollection.Name)]
public sealed class BadInputTests(PostgresFixture postgres) : IAsyncLifetime
{
    private ForumApp _app = null!;
    private MeetingScenario _s = null!;

    public async Task InitializeAsync()
    {
        _app = new ForumApp(postgres);
        _s = await MeetingScenario.StartAsync(_app);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Caller Ana => ForumApp.As(_s.Ana);
    private Caller Listener => ForumApp.As(_s.Listener);

    [Theory]
    [InlineData("", ErrorCodes.TextEmpty)]
    [InlineData("   \t\n ", ErrorCodes.TextEmpty)]
    [InlineData(null, ErrorCodes.TextEmpty)]
    public Task Empty_or_whitespace_answer_is_refused(string? text, string code) =>
        _s.AssertRefusedAsync(code, () => _app.SendAsync(new AnswerQuestion(Question.WhyAreYouHere, text!, null, null), Ana));

    [Fact]
    public async Task Answer_over_280_characters_is_refused_but_280_is_fine()
    {
        await _s.AssertRefusedAsync(ErrorCodes.TextTooLong,
            () => _app.SendAsync(new AnswerQuestion(Question.WhyAreYouHere, new string('a', Limits.Answer + 1), null, null), Ana));
        await _app.SendAsync(new AnswerQuestion(Question.WhyAreYouHere, new string('a', Limits.Answer), null, null), Ana);
    }

    [Fact]
    public Task Item_title_over_120_characters_is_refused() =>
        _s.AssertRefusedAsync(ErrorCodes.TextTooLong,
            () => _app.SendAsync(new ProposeItem(new string('t', Limits.Title + 1), null, null), Ana));

    [Fact]
    public async Task Command_in_the_wrong_phase_is_refused()
    {
        await _s.AssertRefusedAsync(ErrorCodes.WrongPhase, () => _app.SendAsync(new AgreeAgenda([Guid.NewGuid()]), _s.Facilitator));
        await _s.AssertRefusedAsync(ErrorCodes.PhaseOrder, () => _app.SendAsync(new MoveToPhase(Phase.Items), _s.Facilitator));
    }

    [Fact]
    public async Task Listener_cannot_propose_an_item_or_vote()
    {
        await _s.AssertRefusedAsync(ErrorCodes.NotAllowed, () => _app.SendAsync(new ProposeItem("More buses", null, null), Listener));
        await _s.ToItemsAsync();
        var poll = await _s.OpenPollAsync();
        await _s.AssertRefusedAsync(ErrorCodes.NotAllowed, () => _app.SendAsync(new CastBallot(poll, "yes", null), Listener));
    }

    [Fact]
    public async Task Member_cannot_open_or_close_a_poll()
    {
        await _s.ToItemsAsync();
        await _s.AssertRefusedAsync(ErrorCodes.NotAllowed, () => _app.SendAsync(new OpenPoll(null, "Buses?", null, false, false), Ana));
        var poll = await _s.OpenPollAsync();
        await _s.AssertRefusedAsync(ErrorCodes.NotAllowed, () => _app.SendAsync(new ClosePoll(poll), Ana));
    }

    [Fact]
    public async Task Ballot_for_a_missing_option_a_second_ballot_and_a_ballot_after_close_are_refused()
    {
        await _s.ToItemsAsync();
        var poll = await _s.OpenPollAsync();
        await _s.AssertRefusedAsync(ErrorCodes.OptionNotFound, () => _app.SendAsync(new CastBallot(poll, "maybe", null), Ana));
        await _app.SendAsync(new CastBallot(poll, "yes", null), Ana);
        await _s.AssertRefusedAsync(ErrorCodes.AlreadyVoted, () => _app.SendAsync(new CastBallot(poll, "no", null), Ana));
        await _app.SendAsync(new ClosePoll(poll), _s.Facilitator);
        await _s.AssertRefusedAsync(ErrorCodes.PollClosed, () => _app.SendAsync(new CastBallot(poll, "no", null), ForumApp.As(_s.Ben)));
        Assert.Equal(1, (await _app.DbStateAsync(_s.Id)).Ballots);
    }

    [Fact]
    public async Task Supporter_cannot_vote_for_a_member_they_do_not_support()
    {
        await _s.ToItemsAsync();
        var poll = await _s.OpenPollAsync();
        await _s.AssertRefusedAsync(ErrorCodes.NotYourMember,
            () => _app.SendAsync(new CastBallot(poll, "yes", _s.Ana.ParticipantId), ForumApp.As(_s.Supporter)));
    }

    [Fact]
    public async Task Ids_from_another_meeting_are_unknown_here()
    {
        var other = await MeetingScenario.StartAsync(_app);
        var otherItem = await other.ToAgendaAsync();
        await _app.SendAsync(new MoveToPhase(Phase.Agenda), _s.Facilitator);
        await _s.AssertRefusedAsync(ErrorCodes.AgendaInvalid, () => _app.SendAsync(new AgreeAgenda([otherItem]), _s.Facilitator));
        await _s.AssertRefusedAsync(ErrorCodes.ParticipantNotFound,
            () => _app.SendAsync(new AnswerQuestion(Question.WhyAreYouHere, "hi", null, null), ForumApp.As(other.Ana) with { MeetingId = _s.Id }));
    }

    [Fact]
    public Task Command_without_a_command_id_is_refused() =>
        _s.AssertRefusedAsync(ApiErrorCodes.CommandIdRequired, async () =>
        {
            await using var scope = _app.Services.CreateAsyncScope();
            var mediator = scope.ServiceProvider.GetRequiredService<MediatR.IMediator>();
            await mediator.Send(new AnswerQuestion(Question.WhyAreYouHere, "hi", null, null) { Caller = Ana });
        });

    [Fact]
    public async Task Missing_choices_are_refused_rather_than_defaulted()
    {
        await _s.AssertRefusedAsync(ApiErrorCodes.InvalidRequest, () => _app.SendAsync(new AnswerQuestion(null, "hi", null, null), Ana));
        await _s.AssertRefusedAsync(ApiErrorCodes.InvalidRequest, () => _app.SendAsync(new MoveToPhase(null), _s.Facilitator));
        await _s.AssertRefusedAsync(ApiErrorCodes.InvalidRequest, () => _app.SendAsync(new Features.Cards.RaiseCard(null, null), Ana));
        await _s.ToItemsAsync();
        await _s.AssertRefusedAsync(ApiErrorCodes.InvalidRequest,
            () => _app.SendAsync(new Features.Outcomes.RecordDecision(null, "We will ask", null, null), _s.Facilitator));
    }
}
