using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Features.Agenda;

/// <summary>The facilitator confirms the agenda the members chose: these items, in this order.</summary>
public sealed record AgreeAgenda(IReadOnlyList<Guid>? ItemIds) : MeetingCommand;

public sealed class AgreeAgendaHandler(MeetingRuntime runtime) : MeetingCommandHandler<AgreeAgenda>(runtime)
{
    protected override Guid? Decide(Meeting meeting, AgreeAgenda c, DateTimeOffset now)
    {
        meeting.AgreeAgenda(c.Caller.ParticipantId, c.ItemIds ?? []);
        return null;
    }
}
