using System.Net.Http.Json;
using ForumHub.Api.Features.Participants;
using ForumHub.Api.Features.Polls;
using ForumHub.Api.Features.Questions;
using ForumHub.Api.Tests.Infrastructure;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Tests;

/// <summary>A repeated command (same commandId) returns the first answer and changes nothing.</summary>
public sealed class IdempotencyTests(PostgresFixture postgres) : MeetingTestBase(postgres)
{
    [Fact]
    public async Task Repeated_answer_is_stored_once_and_acknowledged_the_same()
    {
        var command = new AnswerQuestion(Question.WhyAreYouHere, "To meet friends", null, null) { CommandId = Guid.NewGuid() };
        var first = await App.SendAsync(command, ForumApp.As(Scenario.Ana));
        var before = await App.DbStateAsync(Scenario.Id);
        var again = await App.SendAsync(command, ForumApp.As(Scenario.Ana));
        Assert.Equal(first, again);
        Assert.Equal(before, await App.DbStateAsync(Scenario.Id));
        Assert.Single((await App.SnapshotAsync(Scenario.Id)).Answers);
    }

    [Fact]
    public async Task Repeated_ballot_after_a_restart_is_still_recognised()
    {
        await Scenario.ToItemsAsync();
        var poll = await Scenario.OpenPollAsync();
        var ballot = new CastBallot(poll, "yes", null) { CommandId = Guid.NewGuid() };
        var first = await App.SendAsync(ballot, ForumApp.As(Scenario.Ana));

        // A new process on the same database: the meeting and its applied commands come back from PostgreSQL.
        await using var restarted = new ForumApp(Postgres, App.ConnectionString);
        var before = await restarted.DbStateAsync(Scenario.Id);
        Assert.Equal(first, await restarted.SendAsync(ballot, ForumApp.As(Scenario.Ana)));
        Assert.Equal(before, await restarted.DbStateAsync(Scenario.Id));
        Assert.Equal(1, before.Ballots);
    }

    [Fact]
    public async Task Repeated_join_gives_the_same_person_a_fresh_working_token()
    {
        var request = new { commandId = Guid.NewGuid(), code = Scenario.Meeting.JoinCode, displayName = "Cara" };
        var client = App.CreateClient();
        var first = await (await client.PostAsJsonAsync("/api/join", request, ForumApp.Json)).Content.ReadFromJsonAsync<JoinedMeeting>(ForumApp.Json);
        var before = await App.DbStateAsync(Scenario.Id);
        var again = await (await client.PostAsJsonAsync("/api/join", request, ForumApp.Json)).Content.ReadFromJsonAsync<JoinedMeeting>(ForumApp.Json);

        Assert.Equal(first!.ParticipantId, again!.ParticipantId);
        Assert.NotEqual(first.Token, again.Token);
        Assert.Equal(before, await App.DbStateAsync(Scenario.Id));
        foreach (var token in new[] { first.Token, again.Token })
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
            Assert.True((await client.GetAsync($"/api/meetings/{Scenario.Id}/snapshot")).IsSuccessStatusCode);
        }
    }

    [Fact]
    public async Task Repeated_create_returns_the_same_meeting()
    {
        var request = new { commandId = Guid.NewGuid(), title = "East forum", facilitatorName = "Jo" };
        var client = await App.FacilitatorClientAsync();
        var first = await (await client.PostAsJsonAsync("/api/meetings", request, ForumApp.Json)).Content.ReadFromJsonAsync<Features.Meetings.CreatedMeeting>(ForumApp.Json);
        var again = await (await client.PostAsJsonAsync("/api/meetings", request, ForumApp.Json)).Content.ReadFromJsonAsync<Features.Meetings.CreatedMeeting>(ForumApp.Json);
        Assert.Equal(first!.MeetingId, again!.MeetingId);
        Assert.Equal(first.JoinCode, again.JoinCode);
        Assert.NotEqual(first.FacilitatorToken, again.FacilitatorToken);
        Assert.Equal(3, (await App.DbStateAsync(first.MeetingId)).Events);
    }

    [Fact]
    public async Task A_command_id_reused_for_another_command_is_refused()
    {
        var id = Guid.NewGuid();
        await App.SendAsync(new AnswerQuestion(Question.WhyAreYouHere, "Hello", null, null) { CommandId = id }, ForumApp.As(Scenario.Ana));
        var before = await App.DbStateAsync(Scenario.Id);
        var error = await Assert.ThrowsAsync<Runtime.CommandException>(() =>
            App.SendAsync(new Features.Agenda.ProposeItem("Buses", null, null) { CommandId = id }, ForumApp.As(Scenario.Ana)));
        Assert.Equal("duplicate_command_id", error.Code);
        Assert.Equal(before, await App.DbStateAsync(Scenario.Id));

        var create = await (await App.FacilitatorClientAsync()).PostAsJsonAsync("/api/meetings", new { commandId = id, title = "Reused", facilitatorName = "Jo" }, ForumApp.Json);
        Assert.Equal(System.Net.HttpStatusCode.Conflict, create.StatusCode);
        Assert.Contains("duplicate_command_id", await create.Content.ReadAsStringAsync());
    }
}
