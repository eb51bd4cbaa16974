using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Features.Questions;

/// <summary>Answers "Why are you here?" or "What do you want to do?", by typing or by picking a picture word.</summary>
public sealed record AnswerQuestion(Question? Question, string Text, string? Picture, Guid? ForMemberId) : MeetingCommand;

public sealed class AnswerQuestionHandler(MeetingRuntime runtime, IIdSource ids) : MeetingCommandHandler<AnswerQuestion>(runtime, ids)
{
    protected override Guid? Decide(Meeting meeting, AnswerQuestion c, DateTimeOffset now, Guid newId) =>
        meeting.AnswerQuestion(c.Caller.ParticipantId, newId, Required(c.Question, "question"), c.Text, c.Picture, c.ForMemberId).Id;
}
