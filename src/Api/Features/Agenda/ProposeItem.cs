using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Features.Agenda;

public sealed record ProposeItem(string Title, string? Picture, Guid? ForMemberId) : MeetingCommand;

public sealed class ProposeItemHandler(MeetingRuntime runtime) : MeetingCommandHandler<ProposeItem>(runtime)
{
    protected override Guid? Decide(Meeting meeting, ProposeItem c, DateTimeOffset now) =>
        meeting.ProposeItem(c.Caller.ParticipantId, c.Title, c.Picture, c.ForMemberId).Id;
}
