using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Features.Agenda;

/// <summary>The facilitator confirms the agenda the members chose: these items, in this order.</summary>
public sealed record AgreeAgenda(IReadOnlyList<Guid>? ItemIds) : MeetingCommand;

public sealed class AgreeAgendaHandler(MeetingRuntime runtime, IIdSource ids) : MeetingCommandHandler<AgreeAgenda>(runtime, ids)
{
    protected override Guid? Decide(Meeting meeting, AgreeAgenda c, DateTimeOffset now, Guid newId)
    {
        meeting.AgreeAgenda(c.Caller.ParticipantId, c.ItemIds ?? []);
        return null;
    }
}
