using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Features.Outcomes;

/// <summary>What was decided, and who really decided it (the Camden step of participation).</summary>
public sealed record RecordDecision(Guid? ItemId, string Text, ParticipationLevel? Level, Guid? PollId) : MeetingCommand;

public sealed class RecordDecisionHandler(MeetingRuntime runtime, IIdSource ids) : MeetingCommandHandler<RecordDecision>(runtime, ids)
{
    protected override Guid? Decide(Meeting meeting, RecordDecision c, DateTimeOffset now, Guid newId) =>
        meeting.RecordDecision(c.Caller.ParticipantId, newId, c.ItemId, c.Text, Required(c.Level, "level of participation"), c.PollId).Id;
}
