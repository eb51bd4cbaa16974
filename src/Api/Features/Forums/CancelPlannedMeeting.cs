using ForumHub.Api.Access;
using ForumHub.Api.Audit;
using ForumHub.Api.Persistence;
using MediatR;

namespace ForumHub.Api.Features.Forums;

/// <summary>The answer to a cancel: the planned meeting is gone, and so is its invitation link.</summary>
public sealed record PlannedMeetingCancelled(Guid Id, bool Cancelled);

/// <summary>
/// A facilitator cancels a planned meeting that has not started: it leaves the forum page and its invitation link stops
/// working (invitation_not_found, as for any unknown link). A started one is a live meeting: it is closed there.
/// </summary>
public sealed record CancelPlannedMeeting(AccountCaller Account, Guid ForumId, Guid PlannedId) : IRequest<PlannedMeetingCancelled>;

public sealed class CancelPlannedMeetingHandler(ForumDbContext db, AuditLog audit, ILogger<CancelPlannedMeetingHandler> log)
    : IRequestHandler<CancelPlannedMeeting, PlannedMeetingCancelled>
{
    public async Task<PlannedMeetingCancelled> Handle(CancelPlannedMeeting request, CancellationToken ct)
    {
        var forum = await ForumRules.ForumAsync(db, request.Account, request.ForumId, log, ct);
        var planned = await PlannedMeetingRules.PlannedAsync(db, forum.Id, request.PlannedId, ct);
        PlannedMeetingRules.NotStarted(planned);
        db.PlannedMeetings.Remove(planned);
        audit.Add(db, new AuditLog.Entry("forum.planned_meeting_cancelled", request.Account.OrganisationId, request.Account.AccountId, Target: planned.Id.ToString()));
        await db.SaveChangesAsync(ct);
        return new PlannedMeetingCancelled(planned.Id, true);
    }
}
