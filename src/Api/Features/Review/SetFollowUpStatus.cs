using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Features.Review;

/// <summary>The owner or the facilitator sets a reviewed follow-up's picture status; dropping needs a reason.</summary>
public sealed record SetFollowUpStatus(Guid FollowUpId, FollowUpStatus? Status, string? Reason, string? Note) : MeetingCommand;

public sealed class SetFollowUpStatusHandler(MeetingRuntime runtime, IIdSource ids) : MeetingCommandHandler<SetFollowUpStatus>(runtime, ids)
{
    protected override Guid? Decide(Meeting meeting, SetFollowUpStatus c, DateTimeOffset now, Guid newId)
    {
        meeting.SetFollowUpStatus(c.Caller.ParticipantId, c.FollowUpId, Required(c.Status, "status"), c.Reason, c.Note, now);
        return c.FollowUpId;
    }
}
