using ForumHub.Api.Access;
using ForumHub.Api.Features.Accounts;
using ForumHub.Api.Infrastructure;
using ForumHub.Api.Runtime;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ForumHub.Api.Features.Admin;

/// <summary>
/// Administration of an organisation (/api/admin): its facilitators, its forums and its audit log. Only an admin
/// account gets here (Access/AccessTable.cs); handlers get the signed-in account from AccessGrant.
/// </summary>
public static class AdminEndpoints
{
    public static void MapAdmin(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("/api/admin").WithTags("Administration").AddEndpointFilter(Problems.Filter);
        admin.MapGet("/facilitators/", async Task<Ok<IReadOnlyList<AccountView>>> (HttpContext http, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListFacilitators(AccessGrant.AccountOf(http)), ct)));
        admin.MapPost("/facilitators/", async Task<Created<FacilitatorCreated>> (CreateFacilitator command, HttpContext http, IMediator mediator, CancellationToken ct) =>
        {
            var created = await mediator.Send(command with { Admin = AccessGrant.AccountOf(http) }, ct);
            return TypedResults.Created($"/api/admin/facilitators/{created.Account.Id}", created);
        });
        foreach (var change in Enum.GetValues<AccessChange>())
            admin.MapPost($"/facilitators/{{accountId:guid}}/{change.ToString().ToLowerInvariant()}",
                async Task<Ok<FacilitatorChanged>> (Guid accountId, HttpContext http, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new ChangeFacilitatorAccess(AccessGrant.AccountOf(http), accountId, change), ct)));
        admin.MapPost("/forums/", async Task<Created<ForumView>> (CreateForum command, HttpContext http, IMediator mediator, CancellationToken ct) =>
        {
            var forum = await mediator.Send(command with { Admin = AccessGrant.AccountOf(http) }, ct);
            return TypedResults.Created($"/api/forums/{forum.Id}", forum);
        });
        admin.MapPost("/forums/{forumId:guid}/rename", async Task<Ok<ForumView>> (Guid forumId, RenameForum command, HttpContext http, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(command with { Admin = AccessGrant.AccountOf(http), ForumId = forumId }, ct)));
        admin.MapGet("/audit", async Task<Ok<IReadOnlyList<AuditEntryView>>> (long? before, int? limit, string? accountId, string? action, HttpContext http,
            IMediator mediator, CancellationToken ct) =>
        {
            // Read as text so a malformed id is our coded 400, not the framework's binding failure.
            Guid? account = null;
            if (!string.IsNullOrEmpty(accountId))
                account = Guid.TryParse(accountId, out var id) ? id
                    : throw new CommandException(ApiErrorCodes.InvalidRequest, "This is not the id of an account.");
            return TypedResults.Ok(await mediator.Send(new ReadAuditLog(AccessGrant.AccountOf(http), before, limit, account, action), ct));
        });
        admin.MapGet("/audit/actions", async Task<Ok<IReadOnlyList<string>>> (HttpContext http, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListAuditActions(AccessGrant.AccountOf(http)), ct)));
    }
}
