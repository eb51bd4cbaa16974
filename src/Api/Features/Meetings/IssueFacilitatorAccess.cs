using ForumHub.Api.Access;
using ForumHub.Api.Audit;
using ForumHub.Api.Persistence;
using ForumHub.Api.Runtime;
using ForumHub.Domain.Meetings;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Features.Meetings;

/// <summary>
/// A facilitator of the organisation that owns the meeting gets fresh access to it: a new facilitator token and a
/// new shared-screen link (tokens are shown once; a lost laptop or a closed tab must not end the meeting).
/// </summary>
public sealed record IssueFacilitatorAccess(AccountCaller Account, Guid MeetingId) : IRequest<FacilitatorAccess>;

public sealed record FacilitatorAccess(Guid MeetingId, Guid FacilitatorId, string FacilitatorToken, Guid ScreenId, string ScreenToken,
    string JoinCode, string ListenerCode);

public sealed class IssueFacilitatorAccessHandler(ForumDbContext db, AccessTokens tokens, AuditLog audit)
    : IRequestHandler<IssueFacilitatorAccess, FacilitatorAccess>
{
    public async Task<FacilitatorAccess> Handle(IssueFacilitatorAccess request, CancellationToken ct)
    {
        var found = await (from o in db.MeetingOwners
                           join m in db.Meetings on o.MeetingId equals m.Id
                           where o.MeetingId == request.MeetingId && o.OrganisationId == request.Account.OrganisationId
                           select new { o.FacilitatorParticipantId, o.ScreenParticipantId, m.JoinCode, m.ListenerCode }).AsNoTracking().FirstOrDefaultAsync(ct);
        // The participants are gone when the retention rule deleted the meeting's data.
        if (found is null || !await db.Participants.AnyAsync(p => p.Id == found.FacilitatorParticipantId && !p.Removed, ct))
            throw new CommandException(ApiErrorCodes.MeetingNotFound, "We could not find this meeting.", StatusCodes.Status404NotFound);
        var facilitator = tokens.Issue(request.MeetingId, found.FacilitatorParticipantId, Role.Facilitator);
        var screen = tokens.Issue(request.MeetingId, found.ScreenParticipantId, Role.Screen);
        db.AccessTokens.AddRange(facilitator.Row, screen.Row);
        audit.Add(db, new AuditLog.Entry("meeting.facilitator_access_issued", request.Account.OrganisationId, request.Account.AccountId,
            request.MeetingId, found.FacilitatorParticipantId));
        await db.SaveChangesAsync(ct);
        return new FacilitatorAccess(request.MeetingId, found.FacilitatorParticipantId, facilitator.Token, found.ScreenParticipantId, screen.Token,
            found.JoinCode, found.ListenerCode);
    }
}
