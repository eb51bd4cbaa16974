using ForumHub.Api.Access;
using ForumHub.Api.Audit;
using ForumHub.Api.Features.Admin;
using ForumHub.Api.Infrastructure;
using ForumHub.Api.Runtime;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ForumHub.Api.Features.Accounts;

/// <summary>
/// Facilitator accounts (/api/account) and the forums an account may use (/api/forums). Who may call each is in
/// Access/AccessTable.cs; handlers get the signed-in account from AccessGrant.
/// </summary>
public static class AccountEndpoints
{
    private const string TooManyAttemptsMessage = "Too many sign-ins that did not work came from here. Please wait a while and try again.";

    public static void MapAccounts(this IEndpointRouteBuilder routes)
    {
        var account = routes.MapGroup("/api/account").WithTags("Account").AddEndpointFilter(Problems.Filter);

        account.MapPost("/sign-in", async Task<IResult> (SignIn command, HttpContext http, IMediator mediator, AttemptGuards guards, CancellationToken ct) =>
        {
            if (await guards.SignIns.CheckAsync(http, AccountErrorCodes.TooManyAttempts, TooManyAttemptsMessage) is { } refused) return refused;
            var signedIn = await mediator.Send(command with { Address = AuditLog.AddressOf(http) }, ct);
            await SignInAsync(http, signedIn);
            return TypedResults.Ok(signedIn.Account);
        });

        account.MapPost("/set-up", async Task<IResult> (SetUpAccount command, HttpContext http, IMediator mediator, AttemptGuards guards, CancellationToken ct) =>
        {
            if (await guards.SignIns.CheckAsync(http, AccountErrorCodes.TooManyAttempts, TooManyAttemptsMessage) is { } refused) return refused;
            var signedIn = await mediator.Send(command with { Address = AuditLog.AddressOf(http) }, ct);
            await SignInAsync(http, signedIn);
            return TypedResults.Ok(signedIn.Account);
        });

        account.MapPost("/sign-out", async Task<NoContent> (HttpContext http, AuditLog audit, CancellationToken ct) =>
        {
            var caller = AccessGrant.AccountOf(http);
            await http.SignOutAsync(FacilitatorCookie.Scheme);
            await audit.WriteAsync(new AuditLog.Entry("account.signed_out", caller.OrganisationId, caller.AccountId), ct);
            return TypedResults.NoContent();
        });

        account.MapPost("/sign-out-everywhere", async Task<NoContent> (HttpContext http, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new SignOutEverywhere(AccessGrant.AccountOf(http)), ct);
            await http.SignOutAsync(FacilitatorCookie.Scheme);
            return TypedResults.NoContent();
        });

        account.MapGet("/me", async Task<Ok<MyAccount>> (HttpContext http, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetMyAccount(AccessGrant.AccountOf(http)), ct)));

        account.MapPost("/password", async Task<Ok<AccountView>> (ChangePassword command, HttpContext http, IMediator mediator, CancellationToken ct) =>
        {
            var signedIn = await mediator.Send(command with { Account = AccessGrant.AccountOf(http) }, ct);
            await SignInAsync(http, signedIn);
            return TypedResults.Ok(signedIn.Account);
        });

        var forums = routes.MapGroup("/api/forums").WithTags("Account").AddEndpointFilter(Problems.Filter);
        forums.MapGet("/", async Task<Ok<IReadOnlyList<ForumView>>> (HttpContext http, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListForums(AccessGrant.AccountOf(http)), ct)));
    }

    private static Task SignInAsync(HttpContext http, SignedIn signedIn) =>
        http.SignInAsync(FacilitatorCookie.Scheme, signedIn.Principal, new AuthenticationProperties { IsPersistent = false });
}
