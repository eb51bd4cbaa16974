using ForumHub.Api.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Infrastructure;

public static class HealthEndpoints
{
    public sealed record Health(string Status, string Database);

    /// <summary>/healthz answers 200 only when PostgreSQL answers too: without it nothing can be saved.</summary>
    public static void MapHealth(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/healthz", async Task<Results<Ok<Health>, JsonHttpResult<Health>>> (ForumDbContext db, CancellationToken ct) =>
        {
            try
            {
                await db.Database.ExecuteSqlRawAsync("SELECT 1", ct);
                return TypedResults.Ok(new Health("ok", "ok"));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return TypedResults.Json(new Health("unhealthy", "unreachable"), statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).WithTags("Health");
}
