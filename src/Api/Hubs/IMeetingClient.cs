using ForumHub.Api.Runtime;

namespace ForumHub.Api.Hubs;

/// <summary>What the server sends to clients. Every event carries its per-meeting sequence number.</summary>
public interface IMeetingClient
{
    Task MeetingEvent(EventEnvelope envelope);
}
