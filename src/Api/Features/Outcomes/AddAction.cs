using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Features.Outcomes;

/// <summary>An action with an owner, who helps, and by when. FromResponseId links it to a listener's response.</summary>
public sealed record AddAction(Guid? ItemId, string What, Guid OwnerId, Guid? SupporterId, DateOnly? DueDate, Guid? FromResponseId)
    : MeetingCommand;

public sealed class AddActionHandler(MeetingRuntime runtime, IIdSource ids) : MeetingCommandHandler<AddAction>(runtime, ids)
{
    protected override Guid? Decide(Meeting meeting, AddAction c, DateTimeOffset now, Guid newId) =>
        meeting.AddAction(c.Caller.ParticipantId, newId, c.ItemId, c.What, c.OwnerId, c.SupporterId, c.DueDate, c.FromResponseId,
            DateOnly.FromDateTime(now.UtcDateTime)).Id;
}
