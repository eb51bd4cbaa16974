using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Features.Outcomes;

public sealed record RespondAsListener(string Text, Guid? ItemId) : MeetingCommand;

public sealed class RespondAsListenerHandler(MeetingRuntime runtime, IIdSource ids) : MeetingCommandHandler<RespondAsListener>(runtime, ids)
{
    protected override Guid? Decide(Meeting meeting, RespondAsListener c, DateTimeOffset now, Guid newId) =>
        meeting.Respond(c.Caller.ParticipantId, newId, c.Text, c.ItemId).Id;
}
