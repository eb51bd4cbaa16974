using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Features.Outcomes;

public sealed record RespondAsListener(string Text, Guid? ItemId) : MeetingCommand;

public sealed class RespondAsListenerHandler(MeetingRuntime runtime) : MeetingCommandHandler<RespondAsListener>(runtime)
{
    protected override Guid? Decide(Meeting meeting, RespondAsListener c, DateTimeOffset now) =>
        meeting.Respond(c.Caller.ParticipantId, c.Text, c.ItemId).Id;
}
