using System.Net.Http.Json;
using ForumHub.Api.Features.Participants;
using ForumHub.Api.Features.Polls;
using ForumHub.Api.Features.Questions;
using ForumHub.Api.Tests.Infrastructure;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Tests;

/// <summary>A repeated command (same commandId) returns the first answer and changes nothing.</summary>
[Collection(PostgresCollection.Name)]
public sealed class IdempotencyTests(PostgresFixture postgres) : IAsyncLifetime
{
    private ForumApp _app = null!;
    private MeetingScenario _s = null!;

    public async Task InitializeAsync()
    {
        _app = new ForumApp(postgres);
        _s = await MeetingScenario.StartAsync(_app);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Repeated_answer_is_stored_once_and_acknowledged_the_same()
    {
        var command = new AnswerQuestion(Question.WhyAreYouHere, "To meet friends", null, null) { CommandId = Guid.NewGuid() };
        var first = await _app.SendAsync(command, ForumApp.As(_s.Ana));
        var before = await _app.DbStateAsync(_s.Id);
        var again = await _app.SendAsync(command, ForumApp.As(_s.Ana));
        Assert.Equal(first, again);
        Assert.Equal(before, await _app.DbStateAsync(_s.Id));
        Assert.Single((await _app.SnapshotAsync(_s.Id)).Answers);
    }

    [Fact]
    public async Task Repeated_ballot_after_a_restart_is_still_recognised()
    {
        await _s.ToItemsAsync();
        var poll = await _s.OpenPollAsync();
        var ballot = new CastBallot(poll, "yes", null) { CommandId = Guid.NewGuid() };
        var first = await _app.SendAsync(ballot, ForumApp.As(_s.Ana));

        // A new process on the same database: the meeting and its applied commands come back from PostgreSQL.
        await using var restarted = new ForumApp(postgres, _app.ConnectionString);
        var before = await restarted.DbStateAsync(_s.Id);
        Assert.Equal(first, await restarted.SendAsync(ballot, ForumApp.As(_s.Ana)));
        Assert.Equal(before, await restarted.DbStateAsync(_s.Id));
        Assert.Equal(1, before.Ballots);
    }

    [Fact]
    public async Task Repeated_join_gives_the_same_person_a_fresh_working_token()
    {
        var request = new { commandId = Guid.NewGuid(), code = _s.Meeting.JoinCode, displayName = "Cara" };
        var client = _app.CreateClient();
        var first = await (await client.PostAsJsonAsync("/api/join", request, ForumApp.Json)).Content.ReadFromJsonAsync<JoinedMeeting>(ForumApp.Json);
        var before = await _app.DbStateAsync(_s.Id);
        var again = await (await client.PostAsJsonAsync("/api/join", request, ForumApp.Json)).Content.ReadFromJsonAsync<JoinedMeeting>(ForumApp.Json);

        Assert.Equal(first!.ParticipantId, again!.ParticipantId);
        Assert.NotEqual(first.Token, again.Token);
        Assert.Equal(before, await _app.DbStateAsync(_s.Id));
        foreach (var token in new[] { first.Token, again.Token })
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
            Assert.True((await client.GetAsync($"/api/meetings/{_s.Id}/snapshot")).IsSuccessStatusCode);
        }
    }

    [Fact]
    public async Task Repeated_create_returns_the_same_meeting()
    {
        var request = new { commandId = Guid.NewGuid(), title = "East forum", facilitatorName = "Jo" };
        var client = await _app.FacilitatorClientAsync();
        var first = await (await client.PostAsJsonAsync("/api/meetings", request, ForumApp.Json)).Content.ReadFromJsonAsync<Features.Meetings.CreatedMeeting>(ForumApp.Json);
        var again = await (await client.PostAsJsonAsync("/api/meetings", request, ForumApp.Json)).Content.ReadFromJsonAsync<Features.Meetings.CreatedMeeting>(ForumApp.Json);
        Assert.Equal(first!.MeetingId, again!.MeetingId);
        Assert.Equal(first.JoinCode, again.JoinCode);
        Assert.NotEqual(first.FacilitatorToken, again.FacilitatorToken);
        Assert.Equal(3, (await _app.DbStateAsync(first.MeetingId)).Events);
    }

    [Fact]
    public async Task A_command_id_reused_for_another_command_is_refused()
    {
        var id = Guid.NewGuid();
        await _app.SendAsync(new AnswerQuestion(Question.WhyAreYouHere, "Hello", null, null) { CommandId = id }, ForumApp.As(_s.Ana));
        var before = await _app.DbStateAsync(_s.Id);
        var error = await Assert.ThrowsAsync<Runtime.CommandException>(() =>
            _app.SendAsync(new Features.Agenda.ProposeItem("Buses", null, null) { CommandId = id }, ForumApp.As(_s.Ana)));
        Assert.Equal("duplicate_command_id", error.Code);
        Assert.Equal(before, await _app.DbStateAsync(_s.Id));

        var create = await (await _app.FacilitatorClientAsync()).PostAsJsonAsync("/api/meetings", new { commandId = id, title = "Reused", facilitatorName = "Jo" }, ForumApp.Json);
        Assert.Equal(System.Net.HttpStatusCode.Conflict, create.StatusCode);
        Assert.Contains("duplicate_command_id", await create.Content.ReadAsStringAsync());
    }
}
