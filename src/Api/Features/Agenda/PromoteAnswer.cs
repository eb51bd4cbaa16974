using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Features.Agenda;

/// <summary>Turns a "What do you want to do?" answer into a proposed item; Title may shorten it.</summary>
public sealed record PromoteAnswer(Guid AnswerId, string? Title) : MeetingCommand;

public sealed class PromoteAnswerHandler(MeetingRuntime runtime) : MeetingCommandHandler<PromoteAnswer>(runtime)
{
    protected override Guid? Decide(Meeting meeting, PromoteAnswer c, DateTimeOffset now) =>
        meeting.PromoteAnswer(c.Caller.ParticipantId, c.AnswerId, c.Title).Id;
}
