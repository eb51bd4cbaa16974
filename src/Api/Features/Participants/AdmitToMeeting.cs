using ForumHub.Api.Access;
using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;
using MediatR;

namespace ForumHub.Api.Features.Participants;

/// <summary>
/// The write of a join, once the code or card was found where the request arrived: run by the meeting's writer, on
/// whichever node that is. A new person (with their forum member, if a card), or a take-over of a member without a device.
/// </summary>
/// <param name="Command">The client's request name (JoinMeeting, JoinWithForumCard), stored with the remembered result.</param>
public sealed record AdmitToMeeting(
    Guid MeetingId, Guid CommandId, string Command, Role Role, string? DisplayName = null, string? Picture = null,
    Guid? SupportsMemberId = null, Guid? ForumMemberId = null, TakeOverCodes.Found? TakeOver = null)
    : IRequest<JoinedMeeting>, IIdempotentRequest, IMeetingWrite
{
    Guid IMeetingWrite.WrittenMeetingId => MeetingId;
}

public sealed class AdmitToMeetingHandler(MeetingRuntime runtime, AccessTokens tokens, IIdSource ids) : IRequestHandler<AdmitToMeeting, JoinedMeeting>
{
    public Task<JoinedMeeting> Handle(AdmitToMeeting request, CancellationToken ct) =>
        runtime.ExecuteAsync(request.MeetingId, request.CommandId, request.Command, null, (meeting, now) =>
        {
            var person = request.TakeOver is { } code
                ? meeting.TakeOver(code.ParticipantId, code.CodeHash, now)
                : meeting.Join(ids.NewId(), request.DisplayName!, request.Role, request.Picture, request.SupportsMemberId, now, request.ForumMemberId);
            var access = tokens.Issue(meeting.Id, person.Id, person.Role);
            var result = new JoinedMeeting(meeting.Id, person.Id, person.Role, access.Token, meeting.Version);
            return new CommandOutcome<JoinedMeeting>(result, [access.Row], result with { Token = null });
        }, ct);
}
