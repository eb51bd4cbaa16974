using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Features.Polls;

/// <summary>The hands counted in the room, per option id. A new count replaces the last.</summary>
public sealed record RecordHandCount(Guid PollId, IReadOnlyDictionary<string, int>? Counts) : MeetingCommand;

public sealed class RecordHandCountHandler(MeetingRuntime runtime, IIdSource ids) : MeetingCommandHandler<RecordHandCount>(runtime, ids)
{
    protected override Guid? Decide(Meeting meeting, RecordHandCount c, DateTimeOffset now, Guid newId)
    {
        meeting.RecordHandCount(c.Caller.ParticipantId, c.PollId, c.Counts ?? new Dictionary<string, int>());
        return c.PollId;
    }
}
