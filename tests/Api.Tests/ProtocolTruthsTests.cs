using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ForumHub.Api.Features.Agenda;
using ForumHub.Api.Features.Questions;
using ForumHub.Api.Runtime;
using ForumHub.Api.Tests.Infrastructure;
using ForumHub.Domain.Meetings;
using Microsoft.Extensions.Logging;

namespace ForumHub.Api.Tests;

/// <summary>
/// Issue 11, item 9: what a client written from docs/protocol.md alone found, each pinned on the real server (real
/// SignalR over TestServer's WebSocket, real PostgreSQL): another person's commandId, method-name matching, the
/// stream-invocation error, malformed frames in the log, and 401 against 403 on account endpoints.
/// </summary>
public sealed class ProtocolTruthsTests(PostgresFixture postgres) : MeetingTestBase(postgres)
{
    [Fact]
    public async Task A_commandId_already_used_by_another_participant_is_refused_and_casts_nothing()
    {
        var id = Guid.NewGuid();
        var ana = await App.SendAsync(new ProposeItem("Buses", null, null) { CommandId = id }, ForumApp.As(Scenario.Ana));
        var before = await App.DbStateAsync(Scenario.Id);

        // Ben sends his own item with Ana's commandId: refused, not answered with Ana's ack.
        var refusal = await Assert.ThrowsAsync<CommandException>(() =>
            App.SendAsync(new ProposeItem("Trains", null, null) { CommandId = id }, ForumApp.As(Scenario.Ben)));
        Assert.Equal(ApiErrorCodes.DuplicateCommandId, refusal.Code);
        Assert.Equal(before, await App.DbStateAsync(Scenario.Id));
        Assert.Equal(["Buses"], (await App.SnapshotAsync(Scenario.Id)).Items.Select(i => i.Title));

        // Over the wire too, and after a restart (the sender is stored with the result); Ana's own repeat still gets her ack.
        await using var restarted = new ForumApp(Postgres, App.ConnectionString);
        await using var benWire = await HubWire.ConnectAsync(restarted, Scenario.Ben.Token);
        var wire = await benWire.InvokeAsync("ProposeItem", new { commandId = id, title = "Trains" });
        Assert.Equal("duplicate_command_id", wire.Code);
        await using var anaWire = await HubWire.ConnectAsync(restarted, Scenario.Ana.Token);
        var repeat = await anaWire.InvokeAsync("ProposeItem", new { commandId = id, title = "Buses" });
        Assert.True(repeat.Ok, repeat.ToString());
        Assert.Equal((ana.Seq, ana.Id), (repeat.Seq, repeat.CreatedId));
        Assert.Equal(before, await restarted.DbStateAsync(Scenario.Id));
    }

    [Fact]
    public async Task Two_people_sending_the_same_commandId_in_one_batch_get_one_ack_and_one_refusal()
    {
        var id = Guid.NewGuid();
        var sends = new[] { Scenario.Ana, Scenario.Ben }.Select(p => Task.Run(() =>
            App.SendAsync(new AnswerQuestion(Question.WhyAreYouHere, $"Hello from {p.ParticipantId}", null, null) { CommandId = id }, ForumApp.As(p)))).ToList();
        await Task.WhenAll(sends.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)).ToList());
        Assert.Equal(1, sends.Count(t => t.IsCompletedSuccessfully));
        var refused = sends.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException).ToList();
        Assert.Equal(ApiErrorCodes.DuplicateCommandId, Assert.IsType<CommandException>(Assert.Single(refused)).Code);
        Assert.Single((await App.SnapshotAsync(Scenario.Id)).Answers);
    }

    [Fact]
    public async Task Method_names_match_without_regard_to_case_and_the_access_table_still_applies()
    {
        await using var ana = await HubWire.ConnectAsync(App, Scenario.Ana.Token);
        Assert.True((await ana.InvokeAsync("joinmeeting")).Ok);
        var proposed = await ana.InvokeAsync("PROPOSEITEM", new { commandId = Guid.NewGuid(), title = "Trips" });
        Assert.True(proposed.Ok, proposed.ToString());
        var answered = await ana.InvokeAsync("answerQuestion", new { commandId = Guid.NewGuid(), question = "whyAreYouHere", text = "Hi" });
        Assert.True(answered.Ok, answered.ToString());
        // Another spelling is still the same method: its role rule holds (a member may not move the phase).
        Assert.Equal("not_allowed", (await ana.InvokeAsync("movetophase", new { commandId = Guid.NewGuid(), phase = "agenda" })).Code);
        var unknown = await ana.InvokeAsync("Propose_Item", new { commandId = Guid.NewGuid(), title = "Trips" });
        Assert.False(unknown.Ok);
        Assert.Contains("Method does not exist", unknown.Error);
        Assert.Equal(["Trips"], (await App.SnapshotAsync(Scenario.Id)).Items.Select(i => i.Title));
    }

    [Fact]
    public async Task A_stream_invocation_is_answered_with_an_error_and_runs_nothing()
    {
        await using var ana = await HubWire.ConnectAsync(App, Scenario.Ana.Token);
        var before = await App.DbStateAsync(Scenario.Id);
        var streamed = await ana.InvokeStreamAsync("ProposeItem", new { commandId = Guid.NewGuid(), title = "Streamed" });
        Assert.False(streamed.Ok);
        Assert.Equal("The client attempted to invoke the non-streaming 'ProposeItem' method with a streaming invocation.", streamed.Error);
        var unknown = await ana.InvokeStreamAsync("Nope");
        Assert.Equal("Failed to invoke 'Nope' due to an error on the server. HubException: Method does not exist.", unknown.Error);
        // The connection stays usable; nothing was stored.
        Assert.True((await ana.InvokeAsync("JoinMeeting")).Ok);
        Assert.Equal(before, await App.DbStateAsync(Scenario.Id));
    }

    [Theory]
    [InlineData("{\"type\":1,\"target\":\"ProposeItem\",\"arguments\":[{\"title\":\"SECRET-WORDS-1\"")]
    [InlineData("{\"type\":99,\"note\":\"SECRET-WORDS-2\"}")]
    [InlineData("not json SECRET-WORDS-3")]
    public async Task A_malformed_frame_closes_the_connection_and_is_logged_at_Information_without_its_content(string frame)
    {
        await using var ana = await HubWire.ConnectAsync(App, Scenario.Ana.Token);
        await ana.SendFrameAsync(frame);
        await ana.Closed.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // The line is written as the connection closes, which may be just after the client sees it closed.
        var line = await Eventually.FindAsync(() => App.Logs.Entries.FirstOrDefault(e =>
            e.Message.Contains("sent a frame the protocol cannot read", StringComparison.Ordinal) &&
            e.Values.Any(v => v.Key == "ParticipantId" && Equals(v.Value, Scenario.Ana.ParticipantId))), "the malformed-frame log line");
        Assert.NotNull(line);
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Contains(line.Values, v => v.Key == "ConnectionId" && v.Value is string { Length: > 0 });
        Assert.DoesNotContain(App.Logs.Entries, e => e.Message.Contains("SECRET-WORDS", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Account_endpoints_answer_401_without_a_session_and_403_for_a_session_that_may_not()
    {
        var withToken = App.CreateSecureClient();
        withToken.DefaultRequestHeaders.Authorization = new("Bearer", Scenario.Meeting.FacilitatorToken!);
        var member = await App.CreateAccountAsync();
        var cases = new (string What, HttpClient Client, string Path, HttpStatusCode Status, string Code)[]
        {
            ("nothing", App.CreateSecureClient(), "/api/account/me", HttpStatusCode.Unauthorized, "unauthenticated"),
            ("a meeting token only", withToken, "/api/account/me", HttpStatusCode.Unauthorized, "unauthenticated"),
            ("a meeting token only", withToken, "/api/admin/facilitators/", HttpStatusCode.Unauthorized, "unauthenticated"),
            ("a meeting token only", withToken, "/api/meetings/", HttpStatusCode.Unauthorized, "unauthenticated"),
            ("an account that is not an administrator", member.Client, "/api/admin/facilitators/", HttpStatusCode.Forbidden, "not_allowed"),
            ("an account, on a meeting-token endpoint", member.Client, $"/api/meetings/{Scenario.Id}/snapshot", HttpStatusCode.Unauthorized, "unauthenticated"),
            ("a member's token, on a facilitator's endpoint", Bearer(Scenario.Ana.Token!), $"/api/meetings/{Scenario.Id}/minutes/drafts", HttpStatusCode.Forbidden, "not_allowed"),
        };
        foreach (var (what, client, path, status, code) in cases)
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == status, $"{what} on {path}: {response.StatusCode}");
            Assert.Equal(code, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        }
    }

    private HttpClient Bearer(string token)
    {
        var client = App.CreateSecureClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }
}
