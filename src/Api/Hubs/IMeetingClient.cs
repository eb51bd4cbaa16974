using ForumHub.Api.Runtime;

namespace ForumHub.Api.Hubs;

/// <summary>What the server sends to clients. Every event carries its per-meeting sequence number.</summary>
public interface IMeetingClient
{
    Task MeetingEvent(EventEnvelope envelope);

    /// <summary>"Your minutes are ready": sent to the whole meeting after minutes (or a correction) are published.</summary>
    Task MinutesReady(ForumHub.Api.Features.Minutes.MinutesReady message);
}
