using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Features.Outcomes;

/// <summary>The facilitator asks a trustee or manager to respond. Until then they only listen.</summary>
public sealed record InviteListener(Guid ListenerId, Guid? ItemId) : MeetingCommand;

public sealed class InviteListenerHandler(MeetingRuntime runtime, IIdSource ids) : MeetingCommandHandler<InviteListener>(runtime, ids)
{
    protected override Guid? Decide(Meeting meeting, InviteListener c, DateTimeOffset now, Guid newId)
    {
        meeting.InviteListener(c.Caller.ParticipantId, c.ListenerId, c.ItemId);
        return c.ListenerId;
    }
}
