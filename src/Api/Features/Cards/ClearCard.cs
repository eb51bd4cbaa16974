using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Features.Cards;

public sealed record ClearCard(Guid CardId) : MeetingCommand;

public sealed class ClearCardHandler(MeetingRuntime runtime, IIdSource ids) : MeetingCommandHandler<ClearCard>(runtime, ids)
{
    protected override Guid? Decide(Meeting meeting, ClearCard c, DateTimeOffset now, Guid newId)
    {
        meeting.ClearCard(c.Caller.ParticipantId, c.CardId);
        return c.CardId;
    }
}
