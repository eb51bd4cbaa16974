using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Features.Agenda;

/// <summary>Turns a "What do you want to do?" answer into a proposed item; Title may shorten it.</summary>
public sealed record PromoteAnswer(Guid AnswerId, string? Title) : MeetingCommand;

public sealed class PromoteAnswerHandler(MeetingRuntime runtime, IIdSource ids) : MeetingCommandHandler<PromoteAnswer>(runtime, ids)
{
    protected override Guid? Decide(Meeting meeting, PromoteAnswer c, DateTimeOffset now, Guid newId) =>
        meeting.PromoteAnswer(c.Caller.ParticipantId, newId, c.AnswerId, c.Title).Id;
}
