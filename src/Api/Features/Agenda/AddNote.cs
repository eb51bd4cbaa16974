using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Features.Agenda;

/// <summary>What was said about the current item, for the minutes.</summary>
public sealed record AddNote(Guid ItemId, string Text) : MeetingCommand;

public sealed class AddNoteHandler(MeetingRuntime runtime) : MeetingCommandHandler<AddNote>(runtime)
{
    protected override Guid? Decide(Meeting meeting, AddNote c, DateTimeOffset now) =>
        meeting.AddNote(c.Caller.ParticipantId, c.ItemId, c.Text).Id;
}
