using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Features.Roles;

/// <summary>The facilitator gives a member a role in this meeting (chair, timekeeper, note-taker, welcome).</summary>
public sealed record GiveRole(Guid ParticipantId, MeetingRole? Role) : MeetingCommand;

public sealed class GiveRoleHandler(MeetingRuntime runtime, IIdSource ids) : MeetingCommandHandler<GiveRole>(runtime, ids)
{
    protected override Guid? Decide(Meeting meeting, GiveRole c, DateTimeOffset now, Guid newId)
    {
        meeting.GiveRole(c.Caller.ParticipantId, c.ParticipantId, Required(c.Role, "role"), now);
        return c.ParticipantId;
    }
}
