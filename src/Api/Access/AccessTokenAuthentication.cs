using System.Security.Claims;
using System.Text.Encodings.Web;
using ForumHub.Api.Runtime;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ForumHub.Api.Access;

/// <summary>
/// Reads the access token from "Authorization: Bearer" or, for WebSockets (browsers cannot set headers there),
/// the access_token query value on the hub path only.
/// </summary>
public sealed class AccessTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AccessTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AccessToken";
    public const string MeetingClaim = "meeting";
    public const string ParticipantClaim = "participant";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = ReadToken();
        if (token is null) return AuthenticateResult.NoResult();
        var caller = await tokens.ResolveAsync(token, Context.RequestAborted);
        if (caller is null) return AuthenticateResult.Fail("Unknown or withdrawn access token.");
        var identity = new ClaimsIdentity(
        [
            new Claim(MeetingClaim, caller.MeetingId.ToString()),
            new Claim(ParticipantClaim, caller.ParticipantId.ToString()),
            new Claim(ClaimTypes.Role, caller.Role.ToString()),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    private string? ReadToken()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return header["Bearer ".Length..].Trim();
        if (Request.Path.StartsWithSegments("/hubs")) return Request.Query["access_token"].ToString() is { Length: > 0 } q ? q : null;
        return null;
    }

    public static Caller? CallerOf(ClaimsPrincipal? user)
    {
        if (user?.FindFirst(MeetingClaim)?.Value is not { } meeting || user.FindFirst(ParticipantClaim)?.Value is not { } participant ||
            user.FindFirst(ClaimTypes.Role)?.Value is not { } role) return null;
        return new Caller(Guid.Parse(meeting), Guid.Parse(participant), Enum.Parse<ForumHub.Domain.Meetings.Role>(role));
    }
}
