namespace ForumHub.Api.Features.Minutes;

/// <summary>
/// Tells every device in a meeting that minutes (or a correction) were published. The feature says what it needs;
/// the hubs deliver it (Hubs/SignalRMeetingBroadcaster), so the feature knows no transport.
/// </summary>
public interface IMinutesReadyNotifier
{
    Task MinutesReadyAsync(Guid meetingId, MinutesReady message);
}
