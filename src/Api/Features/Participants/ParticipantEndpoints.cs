using ForumHub.Api.Access;
using ForumHub.Api.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ForumHub.Api.Features.Participants;

public static class ParticipantEndpoints
{
    public static RouteGroupBuilder MapParticipants(this IEndpointRouteBuilder routes)
    {
        // Wrong codes count against the caller's address (slowed, then refused); the filter sits inside Problems.Filter.
        var group = routes.MapGroup("/api/join").WithTags("Join").AddEndpointFilter(Problems.Filter).AddEndpointFilter(AttemptGuards.JoinCodeFilter);

        group.MapGet("/{code}", async Task<Ok<CodeInfo>> (string code, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new LookUpCode(code), ct))).RequireRateLimiting(RateLimits.JoinPolicy);

        group.MapPost("/", async Task<Ok<JoinedMeeting>> (JoinMeeting command, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(command, ct))).RequireRateLimiting(RateLimits.JoinPolicy);

        return group;
    }
}
