using System.Text.Json;
using ForumHub.Api.Access;
using ForumHub.Api.Features.Minutes;
using ForumHub.Api.Hubs;
using ForumHub.Api.Infrastructure;
using ForumHub.Api.Runtime;
using Microsoft.AspNetCore.SignalR;

namespace ForumHub.Api.Cluster;

/// <summary>
/// Reaches a meeting's devices on every node: this node's through SignalR at once, the other nodes' once per node. On the
/// meeting's writer node the message goes straight to the nodes that subscribed; a write made elsewhere (a join over HTTP
/// on another node) is handed to the meeting's grain, which passes it on. On one node there is no other node to reach.
/// </summary>
public sealed class ClusterBroadcaster(
    SignalRMeetingBroadcaster local, IHubContext<MeetingHub> hub, ParticipantConnections connections, AccessTokens tokens, MeetingSubscribers subscribers,
    IGrainFactory grains, ClusterSettings settings, ILogger<ClusterBroadcaster> log) : IMeetingBroadcaster, IMinutesReadyNotifier
{
    public Task Publish(Guid meetingId, IReadOnlyList<EventEnvelope> envelopes)
    {
        var last = local.Publish(meetingId, envelopes);
        Spread(meetingId, () => new FanoutMessage(FanoutKind.Events, meetingId, default, JsonSerializer.SerializeToUtf8Bytes(envelopes, ForumJson.Options)));
        return last;
    }

    public async Task MinutesReadyAsync(Guid meetingId, MinutesReady message)
    {
        Spread(meetingId, () => new FanoutMessage(FanoutKind.MinutesReady, meetingId, default, JsonSerializer.SerializeToUtf8Bytes(message, ForumJson.Options)));
        await local.MinutesReadyAsync(meetingId, message);
    }

    public int CloseConnections(Guid meetingId, Guid participantId)
    {
        Spread(meetingId, () => new FanoutMessage(FanoutKind.CloseParticipant, meetingId, participantId, null));
        return local.CloseConnections(meetingId, participantId);
    }

    public int CloseMeetingConnections(Guid meetingId)
    {
        Spread(meetingId, () => new FanoutMessage(FanoutKind.CloseMeeting, meetingId, default, null));
        return local.CloseMeetingConnections(meetingId);
    }

    /// <summary>Applies a message from another node to this node's connections.</summary>
    public void DeliverLocally(FanoutMessage message)
    {
        switch (message.Kind)
        {
            case FanoutKind.Events:
                var group = hub.Clients.Group(SignalRMeetingBroadcaster.GroupName(message.MeetingId));
                // Each envelope as the JSON the writer's node made: started in order, so each connection gets them in order.
                foreach (var envelope in JsonDocument.Parse(message.Json).RootElement.EnumerateArray())
                    Watch(group.SendAsync(nameof(IMeetingClient.MeetingEvent), envelope), message);
                break;
            case FanoutKind.MinutesReady:
                var ready = JsonDocument.Parse(message.Json).RootElement;
                Watch(hub.Clients.Group(SignalRMeetingBroadcaster.GroupName(message.MeetingId)).SendAsync(nameof(IMeetingClient.MinutesReady), ready), message);
                break;
            case FanoutKind.CloseParticipant:
                tokens.Forget(message.ParticipantId);
                connections.Abort(message.ParticipantId);
                break;
            case FanoutKind.CloseMeeting:
                tokens.ForgetMeeting(message.MeetingId);
                connections.AbortMeeting(message.MeetingId);
                break;
        }
    }

    /// <summary>Sends to the nodes subscribed to a meeting whose grain is here (one-way: a dead node holds nobody up).</summary>
    public void SendToSubscribers(FanoutMessage message, string? except) => Send(subscribers.Of(message.MeetingId, except), message);

    private void Send(List<IMeetingFanout> nodes, FanoutMessage message)
    {
        foreach (var node in nodes)
        {
            try { Watch(node.Deliver(message), message); }
            catch (Exception e) { log.LogWarning("Meeting {MeetingId}: a node could not be sent {Kind} ({Error})", message.MeetingId, message.Kind, e.GetType().Name); }
        }
    }

    private void Spread(Guid meetingId, Func<FanoutMessage> make)
    {
        if (settings.Redis is null) return; // one node: nobody else to reach
        if (subscribers.IsWrittenHere(meetingId))
        {
            // The JSON is made only when some other node holds connections of the meeting.
            if (subscribers.Of(meetingId, except: null) is { Count: > 0 } nodes) Send(nodes, make());
            return;
        }
        var message = make();
        Watch(grains.GetGrain<IMeetingGrain>(meetingId).Relay(settings.NodeName, message), message);
    }

    private void Watch(Task sending, FanoutMessage message)
    {
        if (sending.IsCompletedSuccessfully) return;
        _ = sending.ContinueWith(static (t, state) =>
        {
            var (log, message) = ((ILogger, FanoutMessage))state!;
            log.LogWarning("Meeting {MeetingId}: passing on {Kind} failed ({Error})", message.MeetingId, message.Kind, t.Exception!.GetBaseException().GetType().Name);
        }, (log, message), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }
}
