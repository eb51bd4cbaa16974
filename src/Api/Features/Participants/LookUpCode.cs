using ForumHub.Api.Access;
using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;
using MediatR;

namespace ForumHub.Api.Features.Participants;

/// <summary>
/// What a join page needs before joining: the meeting's title, what the code is for, and who a supporter can support.
/// A take-over code also says whose place the device takes (TakeOverAs); otherwise TakeOverAs is null.
/// </summary>
public sealed record LookUpCode(string Code) : IRequest<CodeInfo>;

public sealed record CodeInfo(
    Guid MeetingId, string Title, Phase Phase, bool IsListenerCode, IReadOnlyList<MemberChoice> Members, MemberChoice? TakeOverAs = null);

public sealed record MemberChoice(Guid Id, string DisplayName, string? Picture);

public sealed class LookUpCodeHandler(MeetingCodes codes, TakeOverCodes takeOvers, MeetingRuntime runtime) : IRequestHandler<LookUpCode, CodeInfo>
{
    public async Task<CodeInfo> Handle(LookUpCode request, CancellationToken ct)
    {
        if (TakeOverCodes.IsTakeOverCode(request.Code))
        {
            var code = await takeOvers.FindAsync(request.Code, ct);
            return await runtime.ReadAsync(code.MeetingId, meeting =>
            {
                var member = meeting.FindParticipant(code.ParticipantId)!;
                return new CodeInfo(meeting.Id, meeting.Title, meeting.Phase, false, [],
                    new MemberChoice(member.Id, member.DisplayName, member.Picture));
            }, ct);
        }
        var found = await codes.FindAsync(request.Code, ct);
        return await runtime.ReadAsync(found.MeetingId, meeting => new CodeInfo(
            meeting.Id, meeting.Title, meeting.Phase, found.IsListenerCode,
            found.IsListenerCode
                ? []
                : meeting.Participants.Where(p => p.Role == Role.Member && !p.Removed)
                    .Select(p => new MemberChoice(p.Id, p.DisplayName, p.Picture)).ToList()), ct);
    }
}
