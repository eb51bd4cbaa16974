using System.Diagnostics;
using System.Net;
using ForumHub.Api.Hubs;
using ForumHub.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ForumHub.Api.Tests.Access;

/// <summary>Removing someone stops their access at once: every open connection closes and no token of theirs works.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RemovalTests(PostgresFixture postgres) : IAsyncLifetime
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
    public async Task A_removed_participant_is_disconnected_within_one_second_on_every_device_and_cannot_come_back()
    {
        await using var facilitator = await HubWire.ConnectAsync(_app, _s.Meeting.FacilitatorToken);
        await using var phone = await HubWire.ConnectAsync(_app, _s.Ben.Token);
        await using var tablet = await HubWire.ConnectAsync(_app, _s.Ben.Token);
        Assert.True((await phone.InvokeAsync("JoinMeeting")).Ok);
        Assert.True((await tablet.InvokeAsync("JoinMeeting")).Ok);
        Assert.Equal(2, _app.Services.GetRequiredService<ParticipantConnections>().CountFor(_s.Ben.ParticipantId));

        var clock = Stopwatch.StartNew();
        var removed = await facilitator.InvokeAsync("RemoveParticipant", new { commandId = Guid.NewGuid(), participantId = _s.Ben.ParticipantId });
        Assert.True(removed.Ok, removed.ToString());
        var acknowledged = clock.Elapsed;
        await Task.WhenAll(phone.Closed.Task, tablet.Closed.Task).WaitAsync(TimeSpan.FromSeconds(1));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"closed after {clock.Elapsed.TotalMilliseconds} ms (ack at {acknowledged.TotalMilliseconds} ms)");
        Assert.Equal(0, _app.Services.GetRequiredService<ParticipantConnections>().CountFor(_s.Ben.ParticipantId));

        // Coming back: the handshake, the HTTP API and a repeat of an old command are all refused.
        Assert.Equal(401, await HubWire.RefusedStatusAsync(_app, _s.Ben.Token));
        var http = _app.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", _s.Ben.Token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync($"/api/meetings/{_s.Id}/snapshot")).StatusCode);

        // Everyone else carries on.
        Assert.True((await facilitator.InvokeAsync("JoinMeeting")).Ok);
        Assert.False(facilitator.Closed.Task.IsCompleted);
    }

    [Fact]
    public async Task A_refused_removal_closes_nobody()
    {
        await using var ana = await HubWire.ConnectAsync(_app, _s.Ana.Token);
        await using var ben = await HubWire.ConnectAsync(_app, _s.Ben.Token);
        var refused = await ana.InvokeAsync("RemoveParticipant", new { commandId = Guid.NewGuid(), participantId = _s.Ben.ParticipantId });
        Assert.Equal("not_allowed", refused.Code);
        Assert.True((await ben.InvokeAsync("JoinMeeting")).Ok);
        Assert.False(ben.Closed.Task.IsCompleted);
    }
}
