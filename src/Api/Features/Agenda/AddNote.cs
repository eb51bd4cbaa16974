using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Features.Agenda;

/// <summary>What was said about the current item, for the minutes.</summary>
public sealed record AddNote(Guid ItemId, string Text) : MeetingCommand;

public sealed class AddNoteHandler(MeetingRuntime runtime, IIdSource ids) : MeetingCommandHandler<AddNote>(runtime, ids)
{
    protected override Guid? Decide(Meeting meeting, AddNote c, DateTimeOffset now, Guid newId) =>
        meeting.AddNote(c.Caller.ParticipantId, newId, c.ItemId, c.Text).Id;
}
