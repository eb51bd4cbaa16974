using System.Text.Json.Serialization;
using ForumHub.Api.Access;
using ForumHub.Api.Audit;
using ForumHub.Api.Persistence;
using MediatR;

namespace ForumHub.Api.Features.Forums;

/// <summary>
/// A facilitator changes a planned meeting (every field, as on the form): another day, another room, another subject,
/// or whether the invitation is public. The invitation keeps its link, so a printed or shared one shows the change.
/// </summary>
public sealed record ChangePlannedMeeting(DateTimeOffset? StartsAt, string? Place, string? About, bool InvitationPublic) : IRequest<PlannedMeetingView>
{
    [JsonIgnore] public AccountCaller Account { get; init; } = null!;
    [JsonIgnore] public Guid ForumId { get; init; }
    [JsonIgnore] public Guid PlannedId { get; init; }
}

public sealed class ChangePlannedMeetingHandler(ForumDbContext db, AuditLog audit, TimeProvider clock, ILogger<ChangePlannedMeetingHandler> log)
    : IRequestHandler<ChangePlannedMeeting, PlannedMeetingView>
{
    public async Task<PlannedMeetingView> Handle(ChangePlannedMeeting request, CancellationToken ct)
    {
        var forum = await ForumRules.ForumAsync(db, request.Account, request.ForumId, log, ct);
        var planned = await PlannedMeetingRules.PlannedAsync(db, forum.Id, request.PlannedId, ct);
        PlannedMeetingRules.NotStarted(planned);
        // Every check before any change: a refused change leaves the planned meeting as it was.
        var startsAt = PlannedMeetingRules.StartsAt(request.StartsAt, clock.GetUtcNow());
        var place = PlannedMeetingRules.Place(request.Place);
        var about = PlannedMeetingRules.About(request.About);
        (planned.StartsAt, planned.Place, planned.About, planned.InvitationPublic) = (startsAt, place, about, request.InvitationPublic);
        audit.Add(db, new AuditLog.Entry("forum.planned_meeting_changed", request.Account.OrganisationId, request.Account.AccountId, Target: planned.Id.ToString()));
        await db.SaveChangesAsync(ct);
        return PlannedMeetingView.Of(planned);
    }
}
