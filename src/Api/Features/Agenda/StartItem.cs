using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Features.Agenda;

public sealed record StartItem(Guid ItemId) : MeetingCommand;

public sealed class StartItemHandler(MeetingRuntime runtime, IIdSource ids) : MeetingCommandHandler<StartItem>(runtime, ids)
{
    protected override Guid? Decide(Meeting meeting, StartItem c, DateTimeOffset now, Guid newId)
    {
        meeting.StartItem(c.Caller.ParticipantId, c.ItemId);
        return c.ItemId;
    }
}
