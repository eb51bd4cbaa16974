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
[Collection(PostgresCollection.Name)]
public sealed class ProtocolTruthsTests(PostgresFixture postgres) : IAsyncLifetime
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
    public async Task A_commandId_already_used_by_another_participant_is_refused_and_casts_nothing()
    {
        var id = Guid.NewGuid();
        var ana = await _app.SendAsync(new ProposeItem("Buses", null, null) { CommandId = id }, ForumApp.As(_s.Ana));
        var before = await _app.DbStateAsync(_s.Id);

        // Ben sends his own item with Ana's commandId: refused, not answered with Ana's ack.
        var refusal = await Assert.ThrowsAsync<CommandException>(() =>
            _app.SendAsync(new ProposeItem("Trains", null, null) { CommandId = id }, ForumApp.As(_s.Ben)));
        Assert.Equal(ApiErrorCodes.DuplicateCommandId, refusal.Code);
        Assert.Equal(before, await _app.DbStateAsync(_s.Id));
        Assert.Equal(["Buses"], (await _app.SnapshotAsync(_s.Id)).Items.Select(i => i.Title));

        // Over the wire too, and after a restart (the sender is stored with the result); Ana's own repeat still gets her ack.
        await using var restarted = new ForumApp(postgres, _app.ConnectionString);
        await using var benWire = await HubWire.ConnectAsync(restarted, _s.Ben.Token);
        var wire = await benWire.InvokeAsync("ProposeItem", new { commandId = id, title = "Trains" });
        Assert.Equal("duplicate_command_id", wire.Code);
        await using var anaWire = await HubWire.ConnectAsync(restarted, _s.Ana.Token);
        var repeat = await anaWire.InvokeAsync("ProposeItem", new { commandId = id, title = "Buses" });
        Assert.True(repeat.Ok, repeat.ToString());
        Assert.Equal((ana.Seq, ana.Id), (repeat.Seq, repeat.CreatedId));
        Assert.Equal(before, await restarted.DbStateAsync(_s.Id));
    }

    [Fact]
    public async Task Two_people_sending_the_same_commandId_in_one_batch_get_one_ack_and_one_refusal()
    {
        var id = Guid.NewGuid();
        var sends = new[] { _s.Ana, _s.Ben }.Select(p => Task.Run(() =>
            _app.SendAsync(new AnswerQuestion(Question.WhyAreYouHere, $"Hello from {p.ParticipantId}", null, null) { CommandId = id }, ForumApp.As(p)))).ToList();
        await Task.WhenAll(sends.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)).ToList());
        Assert.Equal(1, sends.Count(t => t.IsCompletedSuccessfully));
        var refused = sends.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException).ToList();
        Assert.Equal(ApiErrorCodes.DuplicateCommandId, Assert.IsType<CommandException>(Assert.Single(refused)).Code);
        Assert.Single((await _app.SnapshotAsync(_s.Id)).Answers);
    }

    [Fact]
    public async Task Method_names_match_without_regard_to_case_and_the_access_table_still_applies()
    {
        await using var ana = await HubWire.ConnectAsync(_app, _s.Ana.Token);
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
        Assert.Equal(["Trips"], (await _app.SnapshotAsync(_s.Id)).Items.Select(i => i.Title));
    }

    [Fact]
    public async Task A_stream_invocation_is_answered_with_an_error_and_runs_nothing()
    {
        await using var ana = await HubWire.ConnectAsync(_app, _s.Ana.Token);
        var before = await _app.DbStateAsync(_s.Id);
        var streamed = await ana.InvokeStreamAsync("ProposeItem", new { commandId = Guid.NewGuid(), title = "Streamed" });
        Assert.False(streamed.Ok);
        Assert.Equal("The client attempted to invoke the non-streaming 'ProposeItem' method with a streaming invocation.", streamed.Error);
        var unknown = await ana.InvokeStreamAsync("Nope");
        Assert.Equal("Failed to invoke 'Nope' due to an error on the server. HubException: Method does not exist.", unknown.Error);
        // The connection stays usable; nothing was stored.
        Assert.True((await ana.InvokeAsync("JoinMeeting")).Ok);
        Assert.Equal(before, await _app.DbStateAsync(_s.Id));
    }

    [Theory]
    [InlineData("{\"type\":1,\"target\":\"ProposeItem\",\"arguments\":[{\"title\":\"SECRET-WORDS-1\"")]
    [InlineData("{\"type\":99,\"note\":\"SECRET-WORDS-2\"}")]
    [InlineData("not json SECRET-WORDS-3")]
    public async Task A_malformed_frame_closes_the_connection_and_is_logged_at_Information_without_its_content(string frame)
    {
        await using var ana = await HubWire.ConnectAsync(_app, _s.Ana.Token);
        await ana.SendFrameAsync(frame);
        await ana.Closed.Task.WaitAsync(TimeSpan.FromSeconds(10));

        TestLogSink.Entry? line = null;
        for (var i = 0; i < 100 && line is null; i++, await Task.Delay(50))
            line = _app.Logs.Entries.FirstOrDefault(e => e.Message.Contains("sent a frame the protocol cannot read", StringComparison.Ordinal) &&
                                                        e.Values.Any(v => v.Key == "ParticipantId" && Equals(v.Value, _s.Ana.ParticipantId)));
        Assert.NotNull(line);
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Contains(line.Values, v => v.Key == "ConnectionId" && v.Value is string { Length: > 0 });
        Assert.DoesNotContain(_app.Logs.Entries, e => e.Message.Contains("SECRET-WORDS", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Account_endpoints_answer_401_without_a_session_and_403_for_a_session_that_may_not()
    {
        var withToken = _app.CreateSecureClient();
        withToken.DefaultRequestHeaders.Authorization = new("Bearer", _s.Meeting.FacilitatorToken!);
        var member = await _app.CreateAccountAsync();
        var cases = new (string What, HttpClient Client, string Path, HttpStatusCode Status, string Code)[]
        {
            ("nothing", _app.CreateSecureClient(), "/api/account/me", HttpStatusCode.Unauthorized, "unauthenticated"),
            ("a meeting token only", withToken, "/api/account/me", HttpStatusCode.Unauthorized, "unauthenticated"),
            ("a meeting token only", withToken, "/api/admin/facilitators/", HttpStatusCode.Unauthorized, "unauthenticated"),
            ("a meeting token only", withToken, "/api/meetings/", HttpStatusCode.Unauthorized, "unauthenticated"),
            ("an account that is not an administrator", member.Client, "/api/admin/facilitators/", HttpStatusCode.Forbidden, "not_allowed"),
            ("an account, on a meeting-token endpoint", member.Client, $"/api/meetings/{_s.Id}/snapshot", HttpStatusCode.Unauthorized, "unauthenticated"),
            ("a member's token, on a facilitator's endpoint", Bearer(_s.Ana.Token!), $"/api/meetings/{_s.Id}/minutes/drafts", HttpStatusCode.Forbidden, "not_allowed"),
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
        var client = _app.CreateSecureClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }
}
