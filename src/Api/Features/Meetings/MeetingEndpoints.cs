using ForumHub.Api.Access;
using ForumHub.Api.Infrastructure;
using ForumHub.Api.Runtime;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ForumHub.Api.Features.Meetings;

public static class MeetingEndpoints
{
    public static RouteGroupBuilder MapMeetings(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/meetings").WithTags("Meetings").AddEndpointFilter(Problems.Filter);

        group.MapPost("/", async Task<Created<CreatedMeeting>> (CreateMeeting command, HttpContext http, IMediator mediator, CancellationToken ct) =>
        {
            // Only a signed-in facilitator account gets here (Access/AccessTable.cs).
            var created = await mediator.Send(command with { Account = AccessGrant.AccountOf(http) }, ct);
            return TypedResults.Created($"/api/meetings/{created.MeetingId}", created);
        }).RequireRateLimiting(RateLimits.CreatePolicy);

        // "My meetings" (a signed-in account, Access/AccessTable.cs): the ones it started, to get back into their consoles.
        group.MapGet("/mine", async Task<Ok<IReadOnlyList<MyMeeting>>> (HttpContext http, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListMyMeetings(AccessGrant.AccountOf(http)), ct)));

        // A signed-in account's meetings in its organisation, and fresh facilitator access to one of them.
        group.MapGet("/", async Task<Ok<IReadOnlyList<MeetingSummary>>> (HttpContext http, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListMeetings(AccessGrant.AccountOf(http)), ct)));
        group.MapPost("/{meetingId:guid}/facilitator-access", async Task<Ok<FacilitatorAccess>> (
            Guid meetingId, HttpContext http, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new IssueFacilitatorAccess(AccessGrant.AccountOf(http), meetingId), ct)));

        var own = group.MapGroup("/{meetingId:guid}")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(AccessTokenAuthentication.SchemeName).RequireAuthenticatedUser());

        own.MapGet("/snapshot", async Task<Results<Ok<MeetingSnapshot>, ProblemHttpResult>> (
            Guid meetingId, HttpContext http, IMediator mediator, CancellationToken ct) =>
            SameMeeting(http, meetingId) ?? (Results<Ok<MeetingSnapshot>, ProblemHttpResult>)TypedResults.Ok(
                await mediator.Send(new GetSnapshot(meetingId), ct)));

        own.MapGet("/events", async Task<Results<Ok<EventPage>, ProblemHttpResult>> (
            Guid meetingId, long? after, HttpContext http, IMediator mediator, CancellationToken ct) =>
            SameMeeting(http, meetingId) ?? (Results<Ok<EventPage>, ProblemHttpResult>)TypedResults.Ok(
                await mediator.Send(new GetEventsSince(meetingId, after ?? 0), ct)));

        return group;
    }

    /// <summary>A token opens one meeting only: asking about another is refused.</summary>
    private static ProblemHttpResult? SameMeeting(HttpContext http, Guid meetingId) =>
        AccessTokenAuthentication.CallerOf(http.User)?.MeetingId == meetingId
            ? null
            : Problems.Problem(StatusCodes.Status403Forbidden, ApiErrorCodes.WrongMeeting, "Your access is for another meeting.");
}
