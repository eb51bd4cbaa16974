using ForumHub.Api.Infrastructure;
using ForumHub.Api.Persistence;
using ForumHub.Api.Runtime;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Access;

/// <summary>What the access table granted for this request: the meeting token's caller and/or the signed-in account.</summary>
public sealed record AccessGrant(Caller? Token, AccountCaller? Account)
{
    public static AccountCaller AccountOf(HttpContext http) => http.Features.Get<AccessGrant>()?.Account
        ?? throw new CommandException(ApiErrorCodes.Unauthenticated, "Please sign in.", StatusCodes.Status401Unauthorized);

    public static Caller TokenOf(HttpContext http) => http.Features.Get<AccessGrant>()?.Token
        ?? throw new CommandException(ApiErrorCodes.Unauthenticated, "Please join the meeting again.", StatusCodes.Status401Unauthorized);
}

/// <summary>
/// Enforces AccessTable on every HTTP endpoint (the hub's methods are enforced by MeetingHubFilter). Runs after
/// authentication: the access token (Bearer, or access_token on /hubs) is already read; the facilitator cookie is
/// read here. Deny by default: an endpoint missing from the table is refused. Every refusal is logged.
/// </summary>
public sealed class AccessTableMiddleware(RequestDelegate next, ILogger<AccessTableMiddleware> log)
{
    public const string NotInAccessTable = "not_in_access_table";

    public async Task InvokeAsync(HttpContext http)
    {
        if (http.GetEndpoint() is not RouteEndpoint endpoint || endpoint.RoutePattern.RawText is not { } pattern)
        {
            await next(http);
            return;
        }
        var rule = AccessTable.ForEndpoint(http.Request.Method, pattern);
        if (rule is not { } found)
        {
            log.LogError("Refused {Method} {Pattern}: the endpoint is not in the access table (Access/AccessTable.cs)", http.Request.Method, pattern);
            await RefuseAsync(http, StatusCodes.Status403Forbidden, NotInAccessTable, "This address is not open to anyone yet.");
            return;
        }
        var (operation, allowed) = found;

        var token = AccessTokenAuthentication.CallerOf(http.User);
        var account = allowed.Any(w => w is Who.Account or Who.Admin)
            ? FacilitatorCookie.CallerOf((await http.AuthenticateAsync(FacilitatorCookie.Scheme)).Principal)
            : null;
        if (allowed.Contains(Who.Anyone))
        {
            http.Features.Set(new AccessGrant(token, account));
            await next(http);
            return;
        }

        var meetingId = http.GetRouteValue("meetingId") is string raw && Guid.TryParse(raw, out var id) ? id : (Guid?)null;
        var tokenRole = token is not null && allowed.Contains(AccessTable.WhoOf(token.Role));
        var tokenMeeting = token is not null && (meetingId is null || token.MeetingId == meetingId);
        var accountRole = account is not null && (allowed.Contains(Who.Account) || (account.IsAdmin && allowed.Contains(Who.Admin)));
        var accountMeeting = account is not null && (meetingId is null || await OwnsAsync(http, account, meetingId.Value));

        if ((tokenRole && tokenMeeting) || (accountRole && accountMeeting))
        {
            http.Features.Set(new AccessGrant(tokenRole && tokenMeeting ? token : null, accountRole && accountMeeting ? account : null));
            await next(http);
            return;
        }

        // 401 when the request carries no valid credential of a kind this endpoint takes (an account endpoint asked with
        // only a meeting token is "please sign in", not "forbidden"); 403 when it carries one whose role or meeting does
        // not fit. docs/protocol.md 3.2 states this rule.
        var takesToken = allowed.Any(w => w is not (Who.Account or Who.Admin or Who.Anyone));
        var takesAccount = allowed.Any(w => w is Who.Account or Who.Admin);
        var presented = (takesToken && token is not null) || (takesAccount && account is not null);
        var (status, code, message) =
            !presented ? (StatusCodes.Status401Unauthorized, ApiErrorCodes.Unauthenticated,
                takesToken ? "Please sign in, or join the meeting again." : "Please sign in.")
            : (tokenRole && !tokenMeeting) || (accountRole && !accountMeeting) ? (StatusCodes.Status403Forbidden, ApiErrorCodes.WrongMeeting, "Your access is for another meeting.")
            : (StatusCodes.Status403Forbidden, ApiErrorCodes.NotAllowed, "You cannot do this in your role.");
        log.LogWarning("Refused {Operation} ({Code}) for token {Role} {ParticipantId} of meeting {TokenMeetingId}, account {AccountId}; route meeting {MeetingId}",
            operation, code, token?.Role, token?.ParticipantId, token?.MeetingId, account?.AccountId, meetingId);
        await RefuseAsync(http, status, code, message);
    }

    private static Task<bool> OwnsAsync(HttpContext http, AccountCaller account, Guid meetingId) =>
        http.RequestServices.GetRequiredService<ForumDbContext>().MeetingOwners.AsNoTracking()
            .AnyAsync(o => o.MeetingId == meetingId && o.OrganisationId == account.OrganisationId, http.RequestAborted);

    private static Task RefuseAsync(HttpContext http, int status, string code, string message) =>
        Problems.Problem(status, code, message).ExecuteAsync(http);
}
