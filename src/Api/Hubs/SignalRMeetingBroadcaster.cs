using ForumHub.Api.Features.Minutes;
using ForumHub.Api.Runtime;
using Microsoft.AspNetCore.SignalR;

namespace ForumHub.Api.Hubs;

/// <summary>
/// The meeting's devices on this node, reached through SignalR: one group per meeting (joined in
/// <see cref="MeetingHub.JoinMeeting"/>) and the open connections of each participant.
/// </summary>
public sealed class SignalRMeetingBroadcaster(
    IHubContext<MeetingHub, IMeetingClient> hub, ParticipantConnections connections, ILogger<SignalRMeetingBroadcaster> log)
    : IMeetingBroadcaster, IMinutesReadyNotifier
{
    public static string GroupName(Guid meetingId) => $"meeting:{meetingId:N}";

    /// <summary>
    /// Starts each send in sequence order without waiting for the one before: SignalR starts a send on every connection
    /// of the group at once and each connection writes its messages in the order they were started, so the order holds
    /// on every connection while one slow connection holds up nobody else.
    /// </summary>
    public Task Publish(Guid meetingId, IReadOnlyList<EventEnvelope> envelopes)
    {
        var group = hub.Clients.Group(GroupName(meetingId));
        var last = Task.CompletedTask;
        foreach (var envelope in envelopes)
        {
            var sending = last = group.MeetingEvent(envelope);
            if (!sending.IsCompletedSuccessfully)
                _ = sending.ContinueWith(static (t, state) =>
                {
                    var (log, meetingId, seq) = ((ILogger, Guid, long))state!;
                    log.LogWarning("Meeting {MeetingId}: sending sequence {Seq} failed ({Error})",
                        meetingId, seq, t.Exception!.GetBaseException().GetType().Name);
                }, (log, meetingId, envelope.Seq), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
        return last;
    }

    public Task MinutesReadyAsync(Guid meetingId, MinutesReady message) => hub.Clients.Group(GroupName(meetingId)).MinutesReady(message);

    public int CloseConnections(Guid meetingId, Guid participantId) => connections.Abort(participantId);

    public int CloseMeetingConnections(Guid meetingId) => connections.AbortMeeting(meetingId);
}
