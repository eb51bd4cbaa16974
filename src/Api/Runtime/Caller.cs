using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Runtime;

/// <summary>Who is calling, as proven by their access token: one participant, one meeting, one role.</summary>
public sealed record Caller(Guid MeetingId, Guid ParticipantId, Role Role);
