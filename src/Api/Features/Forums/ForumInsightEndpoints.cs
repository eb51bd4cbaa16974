using ForumHub.Api.Access;
using ForumHub.Api.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ForumHub.Api.Features.Forums;

/// <summary>
/// What a forum's meetings add up to (/api/forums/{forumId}/...): archive search of its published minutes. Only the
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
    }
}
