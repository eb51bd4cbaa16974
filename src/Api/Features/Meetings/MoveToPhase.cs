using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Features.Meetings;

/// <summary>The facilitator moves the meeting to its next step, or closes it.</summary>
public sealed record MoveToPhase(Phase? Phase) : MeetingCommand;

public sealed class MoveToPhaseHandler(MeetingRuntime runtime, IIdSource ids) : MeetingCommandHandler<MoveToPhase>(runtime, ids)
{
    protected override Guid? Decide(Meeting meeting, MoveToPhase c, DateTimeOffset now, Guid newId)
    {
        meeting.MoveTo(c.Caller.ParticipantId, Required(c.Phase, "step"), now);
        return null;
    }
}
