namespace ForumHub.Api.Runtime;

/// <summary>
/// How the runtime reaches the devices in a meeting, without knowing the transport: committed events go out, and a
/// person whose access ends is cut off. Where the devices of a meeting may sit on another node, this is the one
/// place that changes.
/// </summary>
public interface IMeetingBroadcaster
{
    /// <summary>
    /// Sends a committed batch's envelopes to everyone in the meeting, in sequence order, without waiting for them to
    /// arrive: the returned task completes when the last envelope has been written to every connection (or the send
    /// failed, which is logged), and callers must not wait for it (see <see cref="MeetingRuntime"/>'s broadcast).
    /// </summary>
    Task Publish(Guid meetingId, IReadOnlyList<EventEnvelope> envelopes);

    /// <summary>Closes every open connection of the participant; returns how many there were.</summary>
    int CloseConnections(Guid meetingId, Guid participantId);

    /// <summary>Closes every open connection to the meeting; returns how many there were.</summary>
    int CloseMeetingConnections(Guid meetingId);
}
