using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Features.Agenda;

public sealed record ProposeItem(string Title, string? Picture, Guid? ForMemberId) : MeetingCommand;

public sealed class ProposeItemHandler(MeetingRuntime runtime, IIdSource ids) : MeetingCommandHandler<ProposeItem>(runtime, ids)
{
    protected override Guid? Decide(Meeting meeting, ProposeItem c, DateTimeOffset now, Guid newId) =>
        meeting.ProposeItem(c.Caller.ParticipantId, newId, c.Title, c.Picture, c.ForMemberId).Id;
}
