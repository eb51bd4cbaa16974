using ForumHub.Api.Access;
using ForumHub.Api.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ForumHub.Api.Features.Review;

/// <summary>A forum's follow-up list over HTTP (the review itself runs through the hub). Access: Access/AccessTable.cs.</summary>
public static class ReviewEndpoints
{
    public static IEndpointRouteBuilder MapReview(this IEndpointRouteBuilder routes)
    {
        var forum = routes.MapGroup("/api/forums/{forumId:guid}").WithTags("Forum follow-ups").AddEndpointFilter(Problems.Filter);
        forum.MapGet("/follow-ups", async Task<Ok<ForumFollowUpList>> (Guid forumId, HttpContext http, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListForumFollowUps(forumId, AccessGrant.AccountOf(http)), ct)));
        return routes;
    }
}
