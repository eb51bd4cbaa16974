using ForumHub.Api.Access;
using ForumHub.Api.Persistence;
using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;
using ForumHub.Domain.Rules;
using MediatR;

namespace ForumHub.Api.Features.Participants;

/// <summary>
/// Joins with a code, a name and a picture, no password. The member code lets people join as a member or as a
/// supporter of a member; the listener invite code only as a listener. A take-over code joins the device
/// AS the member without a device it was given for: no name needed, the same participant, a new token.
/// </summary>
public sealed record JoinMeeting(Guid CommandId, string Code, string DisplayName, Role? Role, string? Picture, Guid? SupportsMemberId)
    : IRequest<JoinedMeeting>, IIdempotentRequest;

public sealed record JoinedMeeting(Guid MeetingId, Guid ParticipantId, Role Role, string? Token, long Seq);

public sealed class JoinMeetingHandler(
    IMediator mediator, AccessTokens tokens, MeetingCodes codes, TakeOverCodes takeOvers, ForumDbContext db)
    : IRequestHandler<JoinMeeting, JoinedMeeting>
{
    public async Task<JoinedMeeting> Handle(JoinMeeting request, CancellationToken ct)
    {
        var joined = TakeOverCodes.IsTakeOverCode(request.Code) ? await TakeOverAsync(request, ct) : await JoinAsync(request, ct);
        if (joined.Token is not null) return joined;

        // A repeat of a join that already happened: same person, a fresh token (the first one was never stored).
        var again = tokens.IssueInto(db, joined.MeetingId, (joined.ParticipantId, joined.Role));
        await db.SaveChangesAsync(ct);
        return joined with { Token = again[0] };
    }

    private async Task<JoinedMeeting> TakeOverAsync(JoinMeeting request, CancellationToken ct)
    {
        // A used code still goes to the meeting's writer: a repeat of the very join that used it (its answer was lost)
        // gets the same member back; anything else is refused there by the domain's one-use rule.
        var code = await takeOvers.FindAsync(request.Code, ct, refuseUsed: false);
        try
        {
            return await mediator.Send(new AdmitToMeeting(code.MeetingId, request.CommandId, nameof(JoinMeeting), Role.Member, TakeOver: code), ct);
        }
        catch (BusinessRuleBrokenException e) when (e.Code == ErrorCodes.CodeUsed)
        {
            throw TakeOverCodes.Used();
        }
    }

    private async Task<JoinedMeeting> JoinAsync(JoinMeeting request, CancellationToken ct)
    {
        var found = await codes.FindAsync(request.Code, ct);
        var role = request.Role ?? (found.IsListenerCode ? Role.Listener : Role.Member);
        var allowed = found.IsListenerCode ? role == Role.Listener : role is Role.Member or Role.Supporter;
        if (!allowed)
            throw new CommandException(ApiErrorCodes.RoleNotAllowedForCode,
                found.IsListenerCode ? "This code is for listeners." : "This code is for members and supporters.", 403);

        return await mediator.Send(new AdmitToMeeting(found.MeetingId, request.CommandId, nameof(JoinMeeting), role, request.DisplayName,
            request.Picture, request.SupportsMemberId), ct);
    }
}
