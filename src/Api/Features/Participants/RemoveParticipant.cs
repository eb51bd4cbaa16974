using ForumHub.Api.Access;
using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Features.Participants;

public sealed record RemoveParticipant(Guid ParticipantId) : MeetingCommand;

public sealed class RemoveParticipantHandler(MeetingRuntime runtime, AccessTokens tokens) : MeetingCommandHandler<RemoveParticipant>(runtime)
{
    protected override Guid? Decide(Meeting meeting, RemoveParticipant c, DateTimeOffset now)
    {
        meeting.Remove(c.Caller.ParticipantId, c.ParticipantId);
        tokens.Forget(c.ParticipantId);
        return c.ParticipantId;
    }
}
