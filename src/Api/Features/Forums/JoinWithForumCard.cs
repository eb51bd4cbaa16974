using ForumHub.Api.Access;
using ForumHub.Api.Features.Participants;
using ForumHub.Api.Persistence;
using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Features.Forums;

/// <summary>
/// A forum card joins the forum's meeting that is open now, as its holder: their name and picture from the forum's
/// list, a member as a member and a listener as a listener, the participant linked to them (participantJoined's
/// forumMemberId). Someone already in the meeting (a second device, a lost phone) gets a fresh token as the same person.
/// </summary>
public sealed record JoinWithForumCard(Guid CommandId, string? Code) : IRequest<JoinedMeeting>, IIdempotentRequest;

public sealed class JoinWithForumCardHandler(IMediator mediator, AccessTokens tokens, ForumDbContext db)
    : IRequestHandler<JoinWithForumCard, JoinedMeeting>
{
    public async Task<JoinedMeeting> Handle(JoinWithForumCard request, CancellationToken ct)
    {
        var holder = await ForumRules.CardHolderAsync(db, request.Code, ct);
        Guid meetingId = await ForumRules.OpenMeetingAsync(db, holder.ForumId, ct)
            ?? throw new CommandException(ForumErrorCodes.NoOpenMeeting,
                "There is no meeting of your forum now. Please come back when the meeting starts.", StatusCodes.Status404NotFound);
        var role = holder.Kind == ForumRules.Listener ? Role.Listener : Role.Member;

        var present = await db.Participants.AsNoTracking()
            .Where(p => p.MeetingId == meetingId && p.ForumMemberId == holder.Id && !p.Removed)
            .Select(p => new { p.Id, p.Role }).FirstOrDefaultAsync(ct);
        var joined = present is not null
            ? new JoinedMeeting(meetingId, present.Id, Enum.Parse<Role>(present.Role), null, 0)
            : await mediator.Send(new AdmitToMeeting(meetingId, request.CommandId, nameof(JoinWithForumCard), role, holder.DisplayName,
                holder.Picture, ForumMemberId: holder.Id), ct);
        if (joined.Token is not null) return joined;

        // Already there, or a repeat of this join: the same person, a fresh token (tokens are never stored).
        var again = tokens.IssueInto(db, joined.MeetingId, (joined.ParticipantId, joined.Role));
        await db.SaveChangesAsync(ct);
        return joined with { Token = again[0] };
    }
}
