using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Features.Agenda;

/// <summary>Keeps an item for the forum's next meeting instead of working on it now.</summary>
public sealed record CarryItemForward(Guid ItemId) : MeetingCommand;

public sealed class CarryItemForwardHandler(MeetingRuntime runtime, IIdSource ids) : MeetingCommandHandler<CarryItemForward>(runtime, ids)
{
    protected override Guid? Decide(Meeting meeting, CarryItemForward c, DateTimeOffset now, Guid newId)
    {
        meeting.CarryForward(c.Caller.ParticipantId, c.ItemId);
        return c.ItemId;
    }
}
