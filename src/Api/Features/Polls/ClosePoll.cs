using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Features.Polls;

public sealed record ClosePoll(Guid PollId) : MeetingCommand;

public sealed class ClosePollHandler(MeetingRuntime runtime, IIdSource ids) : MeetingCommandHandler<ClosePoll>(runtime, ids)
{
    protected override Guid? Decide(Meeting meeting, ClosePoll c, DateTimeOffset now, Guid newId)
    {
        meeting.ClosePoll(c.Caller.ParticipantId, c.PollId, now);
        return c.PollId;
    }
}
