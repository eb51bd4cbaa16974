using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Features.Polls;

/// <summary>A member votes; a supporter or the facilitator may vote with a named member (recorded as supported).</summary>
public sealed record CastBallot(Guid PollId, string OptionId, Guid? ForMemberId) : MeetingCommand;

public sealed class CastBallotHandler(MeetingRuntime runtime, IIdSource ids) : MeetingCommandHandler<CastBallot>(runtime, ids)
{
    protected override Guid? Decide(Meeting meeting, CastBallot c, DateTimeOffset now, Guid newId) =>
        meeting.CastBallot(c.Caller.ParticipantId, c.PollId, c.OptionId, c.ForMemberId).MemberId;
}
