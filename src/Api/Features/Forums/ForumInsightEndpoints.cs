using ForumHub.Api.Access;
using ForumHub.Api.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ForumHub.Api.Features.Forums;

/// <summary>
/// What a forum's meetings add up to (/api/forums/{forumId}/...): archive search of its published minutes, and whether
/// co-production is happening. Only the
/// forum's facilitators (signed-in accounts of its organisation; Access/AccessTable.cs) get here: members and
/// listeners read each meeting's minutes with their meeting access, which opens one meeting only.
/// </summary>
public static class ForumInsightEndpoints
{
    public static void MapForumInsights(this IEndpointRouteBuilder routes)
    {
        var forum = routes.MapGroup("/api/forums/{forumId:guid}").WithTags("Forum insights").AddEndpointFilter(Problems.Filter);
        forum.MapGet("/search", async Task<Ok<MinutesSearchResults>> (Guid forumId, string? q, HttpContext http, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new SearchMinutes(AccessGrant.AccountOf(http), forumId, q), ct)));
        // Dates are read as text so a malformed one is our coded 400 (period_invalid), not the framework's binding failure.
        forum.MapGet("/co-production", async Task<Ok<CoProductionFigures>> (Guid forumId, string? from, string? to, HttpContext http, IMediator mediator,
            CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetCoProduction(AccessGrant.AccountOf(http), forumId, from, to), ct)));
    }
}
