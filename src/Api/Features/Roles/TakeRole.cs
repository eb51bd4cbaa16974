using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Features.Roles;

/// <summary>The facilitator takes a role back from the member who holds it (then it may go to someone else).</summary>
public sealed record TakeRole(Guid ParticipantId, MeetingRole? Role) : MeetingCommand;

public sealed class TakeRoleHandler(MeetingRuntime runtime, IIdSource ids) : MeetingCommandHandler<TakeRole>(runtime, ids)
{
    protected override Guid? Decide(Meeting meeting, TakeRole c, DateTimeOffset now, Guid newId)
    {
        meeting.TakeRole(c.Caller.ParticipantId, c.ParticipantId, Required(c.Role, "role"), now);
        return c.ParticipantId;
    }
}
