using System.Diagnostics;
using System.Net;
using ForumHub.Api.Hubs;
using ForumHub.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ForumHub.Api.Tests.Access;

/// <summary>Removing someone stops their access at once: every open connection closes and no token of theirs works.</summary>
[Collection(RunsAloneCollection.Name)] // times the disconnect (under one second): other classes' load must not be in it
public sealed class RemovalTests(PostgresFixture postgres) : MeetingTestBase(postgres)
{
    [Fact]
    public async Task A_removed_participant_is_disconnected_within_one_second_on_every_device_and_cannot_come_back()
    {
        await using var facilitator = await HubWire.ConnectAsync(App, Scenario.Meeting.FacilitatorToken);
        await using var phone = await HubWire.ConnectAsync(App, Scenario.Ben.Token);
        await using var tablet = await HubWire.ConnectAsync(App, Scenario.Ben.Token);
        Assert.True((await phone.InvokeAsync("JoinMeeting")).Ok);
        Assert.True((await tablet.InvokeAsync("JoinMeeting")).Ok);
        Assert.Equal(2, App.Services.GetRequiredService<ParticipantConnections>().CountFor(Scenario.Ben.ParticipantId));

        var clock = Stopwatch.StartNew();
        var removed = await facilitator.InvokeAsync("RemoveParticipant", new { commandId = Guid.NewGuid(), participantId = Scenario.Ben.ParticipantId });
        Assert.True(removed.Ok, removed.ToString());
        var acknowledged = clock.Elapsed;
        await Task.WhenAll(phone.Closed.Task, tablet.Closed.Task).WaitAsync(TimeSpan.FromSeconds(1));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"closed after {clock.Elapsed.TotalMilliseconds} ms (ack at {acknowledged.TotalMilliseconds} ms)");
        Assert.Equal(0, App.Services.GetRequiredService<ParticipantConnections>().CountFor(Scenario.Ben.ParticipantId));

        // Coming back: the handshake, the HTTP API and a repeat of an old command are all refused.
        Assert.Equal(401, await HubWire.RefusedStatusAsync(App, Scenario.Ben.Token));
        var http = App.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", Scenario.Ben.Token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync($"/api/meetings/{Scenario.Id}/snapshot")).StatusCode);

        // Everyone else carries on.
        Assert.True((await facilitator.InvokeAsync("JoinMeeting")).Ok);
        Assert.False(facilitator.Closed.Task.IsCompleted);
    }

    [Fact]
    public async Task A_refused_removal_closes_nobody()
    {
        await using var ana = await HubWire.ConnectAsync(App, Scenario.Ana.Token);
        await using var ben = await HubWire.ConnectAsync(App, Scenario.Ben.Token);
        var refused = await ana.InvokeAsync("RemoveParticipant", new { commandId = Guid.NewGuid(), participantId = Scenario.Ben.ParticipantId });
        Assert.Equal("not_allowed", refused.Code);
        Assert.True((await ben.InvokeAsync("JoinMeeting")).Ok);
        Assert.False(ben.Closed.Task.IsCompleted);
    }
}
