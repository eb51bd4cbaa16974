using ForumHub.Api.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Infrastructure;

public static class HealthEndpoints
{
    public sealed record Health(string Status, string Database);

    /// <summary>
    /// /healthz answers 200 only when PostgreSQL answers too: without it nothing can be saved.
    /// /readyz also says 503 while the node is shutting down, so a load balancer stops sending new people here.
    /// </summary>
    public static void MapHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", (ForumDbContext db, CancellationToken ct) => CheckAsync(db, stopping: false, ct)).WithTags("Health");
        routes.MapGet("/readyz", (ForumDbContext db, IHostApplicationLifetime life, CancellationToken ct) =>
            CheckAsync(db, life.ApplicationStopping.IsCancellationRequested, ct)).WithTags("Health");
    }

    private static async Task<Results<Ok<Health>, JsonHttpResult<Health>>> CheckAsync(ForumDbContext db, bool stopping, CancellationToken ct)
    {
        if (stopping) return TypedResults.Json(new Health("stopping", "unknown"), statusCode: StatusCodes.Status503ServiceUnavailable);
        try
        {
            // schema_migrations exists only once start-up migrations ran, so this also proves the schema is in place.
            await db.Database.ExecuteSqlRawAsync("SELECT count(*) FROM schema_migrations", ct);
            return TypedResults.Ok(new Health("ok", "ok"));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return TypedResults.Json(new Health("unhealthy", "unreachable"), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
