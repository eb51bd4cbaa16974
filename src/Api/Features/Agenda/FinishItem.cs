using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Features.Agenda;

public sealed record FinishItem(Guid ItemId) : MeetingCommand;

public sealed class FinishItemHandler(MeetingRuntime runtime, IIdSource ids) : MeetingCommandHandler<FinishItem>(runtime, ids)
{
    protected override Guid? Decide(Meeting meeting, FinishItem c, DateTimeOffset now, Guid newId)
    {
        meeting.FinishItem(c.Caller.ParticipantId, c.ItemId);
        return c.ItemId;
    }
}
