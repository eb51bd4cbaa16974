using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Features.Participants;

/// <summary>
/// The facilitator (or a supporter) adds a member who is in the room without a phone or tablet, with a
/// name, a picture and (optionally) the supporter who helps them. Answers the new member's id; from then on their
/// answers, ideas, ballots and cards are entered for them with forMemberId.
/// </summary>
public sealed record AddMemberWithoutDevice(string DisplayName, string? Picture, Guid? HelperId) : MeetingCommand;

public sealed class AddMemberWithoutDeviceHandler(MeetingRuntime runtime, IIdSource ids) : MeetingCommandHandler<AddMemberWithoutDevice>(runtime, ids)
{
    protected override Guid? Decide(Meeting meeting, AddMemberWithoutDevice c, DateTimeOffset now, Guid newId) =>
        meeting.AddMemberWithoutDevice(c.Caller.ParticipantId, newId, c.DisplayName, c.Picture, c.HelperId, now).Id;
}
