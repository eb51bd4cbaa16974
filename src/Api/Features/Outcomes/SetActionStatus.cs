using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Features.Outcomes;

public sealed record SetActionStatus(Guid ActionId, ActionStatus? Status) : MeetingCommand;

public sealed class SetActionStatusHandler(MeetingRuntime runtime, IIdSource ids) : MeetingCommandHandler<SetActionStatus>(runtime, ids)
{
    protected override Guid? Decide(Meeting meeting, SetActionStatus c, DateTimeOffset now, Guid newId)
    {
        meeting.SetActionStatus(c.Caller.ParticipantId, c.ActionId, Required(c.Status, "status"));
        return c.ActionId;
    }
}
