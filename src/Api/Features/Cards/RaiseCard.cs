using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Features.Cards;

/// <summary>Stop / Slow down / Question / Break. ForMemberId lets a supporter raise it with their member.</summary>
public sealed record RaiseCard(CardKind? Kind, Guid? ForMemberId) : MeetingCommand;

public sealed class RaiseCardHandler(MeetingRuntime runtime, IIdSource ids) : MeetingCommandHandler<RaiseCard>(runtime, ids)
{
    protected override Guid? Decide(Meeting meeting, RaiseCard c, DateTimeOffset now, Guid newId) =>
        meeting.RaiseCard(c.Caller.ParticipantId, newId, Required(c.Kind, "card"), c.ForMemberId, now).Id;
}
