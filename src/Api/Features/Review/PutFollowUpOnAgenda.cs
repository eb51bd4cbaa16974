using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Features.Review;

/// <summary>The group chose a reviewed follow-up for this meeting: it becomes a proposed agenda item.</summary>
public sealed record PutFollowUpOnAgenda(Guid FollowUpId) : MeetingCommand;

public sealed class PutFollowUpOnAgendaHandler(MeetingRuntime runtime, IIdSource ids) : MeetingCommandHandler<PutFollowUpOnAgenda>(runtime, ids)
{
    protected override Guid? Decide(Meeting meeting, PutFollowUpOnAgenda c, DateTimeOffset now, Guid newId) =>
        meeting.PutFollowUpOnAgenda(c.Caller.ParticipantId, c.FollowUpId, newId).Id;
}
