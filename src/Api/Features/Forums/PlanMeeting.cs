using System.Security.Cryptography;
using System.Text.Json.Serialization;
using ForumHub.Api.Access;
using ForumHub.Api.Audit;
using ForumHub.Api.Persistence;
using ForumHub.Api.Runtime;
using MediatR;
using Microsoft.AspNetCore.WebUtilities;

namespace ForumHub.Api.Features.Forums;

/// <summary>
/// A facilitator plans the forum's next meeting: when (a date and time, not in the past), where (a place or a video
/// link) and what it is about; and whether its invitation opens for anyone with the link (InvitationPublic) or only
/// for signed-in facilitators and forum-card holders.
/// </summary>
public sealed record PlanMeeting(DateTimeOffset? StartsAt, string? Place, string? About, bool InvitationPublic) : IRequest<PlannedMeetingView>
{
    [JsonIgnore] public AccountCaller Account { get; init; } = null!;
    [JsonIgnore] public Guid ForumId { get; init; }
}

public sealed class PlanMeetingHandler(ForumDbContext db, AuditLog audit, TimeProvider clock, IIdSource ids, ILogger<PlanMeetingHandler> log) : IRequestHandler<PlanMeeting, PlannedMeetingView>
{
    public async Task<PlannedMeetingView> Handle(PlanMeeting request, CancellationToken ct)
    {
        var forum = await ForumRules.ForumAsync(db, request.Account, request.ForumId, log, ct);
        var now = clock.GetUtcNow();
        var row = new PlannedMeetingRow
        {
            Id = ids.NewId(),
            ForumId = forum.Id,
            StartsAt = PlannedMeetingRules.StartsAt(request.StartsAt, now),
            Place = PlannedMeetingRules.Place(request.Place),
            About = PlannedMeetingRules.About(request.About),
            InvitationPublic = request.InvitationPublic,
            InvitationKey = NewInvitationKey(),
            CreatedByAccountId = request.Account.AccountId,
            CreatedAt = now,
        };
        db.PlannedMeetings.Add(row);
        audit.Add(db, new AuditLog.Entry("forum.meeting_planned", request.Account.OrganisationId, request.Account.AccountId, Target: row.Id.ToString()));
        await db.SaveChangesAsync(ct);
        return PlannedMeetingView.Of(row);
    }

    /// <summary>
    /// 128 random bits, base64url: the invitation's address. Kept as it is (not hashed), like a meeting's join code:
    /// the facilitator shows and prints the link again and again, and it opens only an invitation, never a meeting.
    /// </summary>
    public static string NewInvitationKey() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));
}
