using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Features.Meetings;

/// <summary>The facilitator moves the meeting to its next step, or closes it.</summary>
public sealed record MoveToPhase(Phase? Phase) : MeetingCommand;

public sealed class MoveToPhaseHandler(MeetingRuntime runtime) : MeetingCommandHandler<MoveToPhase>(runtime)
{
    protected override Guid? Decide(Meeting meeting, MoveToPhase c, DateTimeOffset now)
    {
        meeting.MoveTo(c.Caller.ParticipantId, Required(c.Phase, "step"), now);
        return null;
    }
}
