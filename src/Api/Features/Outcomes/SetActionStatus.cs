using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Features.Outcomes;

public sealed record SetActionStatus(Guid ActionId, ActionStatus? Status) : MeetingCommand;

public sealed class SetActionStatusHandler(MeetingRuntime runtime) : MeetingCommandHandler<SetActionStatus>(runtime)
{
    protected override Guid? Decide(Meeting meeting, SetActionStatus c, DateTimeOffset now)
    {
        meeting.SetActionStatus(c.Caller.ParticipantId, c.ActionId, Required(c.Status, "status"));
        return c.ActionId;
    }
}
