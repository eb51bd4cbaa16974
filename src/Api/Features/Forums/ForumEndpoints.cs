using ForumHub.Api.Access;
using ForumHub.Api.Features.Meetings;
using ForumHub.Api.Features.Participants;
using ForumHub.Api.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ForumHub.Api.Features.Forums;

/// <summary>
/// Forums that remember (issue 14): a forum's members, listeners and their cards, its planned meetings and their
/// invitations (/api/forums/{forumId}, signed-in accounts of the forum's organisation); joining with a forum card
/// (/api/forum-cards, no sign-in: the card is the credential); the list of members in a live meeting
/// (/api/meetings/{meetingId}/forum-members, the meeting's facilitator); a member's forum record (docs/protocol.md 5.15).
/// docs/protocol.md 5.11.
/// </summary>
public static class ForumEndpoints
{
    public sealed record CommandBody(Guid CommandId);

    public static void MapForums(this IEndpointRouteBuilder routes)
    {
        var forums = routes.MapGroup("/api/forums/{forumId:guid}").WithTags("Forums").AddEndpointFilter(Problems.Filter);
        forums.MapGet("/", async Task<Ok<ForumPage>> (Guid forumId, HttpContext http, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetForum(AccessGrant.AccountOf(http), forumId), ct)));
        forums.MapPost("/members/", async Task<Created<ForumMemberCreated>> (Guid forumId, AddForumMember command, HttpContext http, IMediator mediator, CancellationToken ct) =>
        {
            var created = await mediator.Send(command with { Account = AccessGrant.AccountOf(http), ForumId = forumId }, ct);
            return TypedResults.Created($"/api/forums/{forumId}/members/{created.Member.Id}", created);
        });
        forums.MapPost("/members/from-meeting", async Task<Created<ForumMemberCreated>> (Guid forumId, AddNewcomerToForum command, HttpContext http,
            IMediator mediator, CancellationToken ct) =>
        {
            var created = await mediator.Send(command with { Account = AccessGrant.AccountOf(http), ForumId = forumId }, ct);
            return TypedResults.Created($"/api/forums/{forumId}/members/{created.Member.Id}", created);
        });
        forums.MapPost("/members/{memberId:guid}/details", async Task<Ok<ForumMemberView>> (Guid forumId, Guid memberId, UpdateForumMember command,
            HttpContext http, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(command with { Account = AccessGrant.AccountOf(http), ForumId = forumId, MemberId = memberId }, ct)));
        forums.MapPost("/members/{memberId:guid}/card", async Task<Ok<ForumCard>> (Guid forumId, Guid memberId, HttpContext http, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new IssueForumCard(AccessGrant.AccountOf(http), forumId, memberId), ct)));
        forums.MapGet("/members/{memberId:guid}/export", async Task<Ok<ForumMemberExport>> (Guid forumId, Guid memberId, HttpContext http,
            IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ExportForumMember(AccessGrant.AccountOf(http), forumId, memberId), ct)));
        forums.MapGet("/members/{memberId:guid}/record", async Task<Ok<ForumRecordView>> (Guid forumId, Guid memberId, HttpContext http,
            IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetForumRecord(AccessGrant.AccountOf(http), forumId, memberId), ct)));
        forums.MapPost("/members/{memberId:guid}/erase", async Task<Ok<ForumMemberErased>> (Guid forumId, Guid memberId, HttpContext http,
            IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new EraseForumMember(AccessGrant.AccountOf(http), forumId, memberId), ct)));
        forums.MapPost("/planned/", async Task<Created<PlannedMeetingView>> (Guid forumId, PlanMeeting command, HttpContext http, IMediator mediator, CancellationToken ct) =>
        {
            var planned = await mediator.Send(command with { Account = AccessGrant.AccountOf(http), ForumId = forumId }, ct);
            return TypedResults.Created($"/api/invitations/{planned.InvitationKey}", planned);
        });
        forums.MapPost("/planned/{plannedId:guid}/details", async Task<Ok<PlannedMeetingView>> (Guid forumId, Guid plannedId, ChangePlannedMeeting command,
            HttpContext http, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(command with { Account = AccessGrant.AccountOf(http), ForumId = forumId, PlannedId = plannedId }, ct)));
        forums.MapPost("/planned/{plannedId:guid}/cancel", async Task<Ok<PlannedMeetingCancelled>> (Guid forumId, Guid plannedId, HttpContext http,
            IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new CancelPlannedMeeting(AccessGrant.AccountOf(http), forumId, plannedId), ct)));
        forums.MapPost("/planned/{plannedId:guid}/start", async Task<Ok<CreatedMeeting>> (Guid forumId, Guid plannedId, StartPlannedMeeting command,
            HttpContext http, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(command with { Account = AccessGrant.AccountOf(http), ForumId = forumId, PlannedId = plannedId }, ct)));

        routes.MapGet("/api/invitations/{key}", async Task<Ok<InvitationView>> (string key, HttpContext http, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetInvitation(key, http.Features.Get<AccessGrant>()?.Account), ct)))
            .WithTags("Forums").AddEndpointFilter(Problems.Filter);

        // The card is the credential: wrong codes count against the caller's address, like join codes.
        var cards = routes.MapGroup("/api/forum-cards").WithTags("Forums").AddEndpointFilter(Problems.Filter).AddEndpointFilter(AttemptGuards.JoinCodeFilter);
        cards.MapPost("/join", async Task<Ok<JoinedMeeting>> (JoinWithForumCard command, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(command, ct))).RequireRateLimiting(RateLimits.JoinPolicy);
        cards.MapPost("/invitation", async Task<Ok<InvitationView>> (GetCardInvitation query, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(query, ct))).RequireRateLimiting(RateLimits.JoinPolicy);
        cards.MapPost("/record", async Task<Ok<ForumRecordView>> (GetMyForumRecord query, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(query, ct))).RequireRateLimiting(RateLimits.JoinPolicy);

        var meeting = routes.MapGroup("/api/meetings/{meetingId:guid}/forum-members").WithTags("Forums").AddEndpointFilter(Problems.Filter);
        meeting.MapGet("/", async Task<Ok<IReadOnlyList<ListedMemberView>>> (HttpContext http, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListListedMembers(AccessGrant.TokenOf(http)), ct)));
        meeting.MapPost("/{memberId:guid}/add", async Task<Ok<CommandAck>> (Guid memberId, CommandBody body, HttpContext http, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new AddListedMember(body.CommandId, AccessGrant.TokenOf(http), memberId), ct)));
    }
}
