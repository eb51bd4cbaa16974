using System.Security.Claims;
using ForumHub.Api.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Access;

/// <summary>Settings of facilitator accounts ("Accounts" section).</summary>
public sealed class AccountOptions
{
    /// <summary>Wrong passwords in a row before the account is locked.</summary>
    public int MaxFailedSignIns { get; set; } = 5;
    public int LockoutMinutes { get; set; } = 15;
    /// <summary>A session ends after this long without use (sliding).</summary>
    public int SessionHours { get; set; } = 8;
    public int MinPasswordLength { get; set; } = 12;
    /// <summary>How long the one-time set-up code of a new or reset account works.</summary>
    public int SetupCodeHours { get; set; } = 72;

    /// <summary>The framework's PBKDF2 default, which a stored hash carries with it (a lower one is re-hashed at sign-in).</summary>
    public const int DefaultPasswordHashIterations = 100_000;

    /// <summary>
    /// PBKDF2 rounds for new password hashes. Only the Development environment may lower it (the test suites do: every
    /// test app hashes several passwords, and at 100,000 rounds that was most of their time); elsewhere a lower value
    /// stops the Api at start.
    /// </summary>
    public int PasswordHashIterations { get; set; } = DefaultPasswordHashIterations;
}

/// <summary>A signed-in facilitator, as proven by their cookie.</summary>
public sealed record AccountCaller(Guid AccountId, Guid OrganisationId, bool IsAdmin);

/// <summary>
/// Cookie authentication for facilitator accounts: Secure, HttpOnly, SameSite=Strict and the __Host- prefix (so no
/// other site or subdomain can set or read it). Every request re-checks the account, so disabling it or changing
/// its password ends every session at once.
/// </summary>
public static class FacilitatorCookie
{
    public const string Scheme = "Facilitator";
    public const string CookieName = "__Host-ForumHub-Facilitator";
    private const string OrganisationClaim = "organisation";
    private const string AdminClaim = "admin";
    private const string StampClaim = "stamp";

    public static void Configure(CookieAuthenticationOptions o, AccountOptions options)
    {
        o.Cookie.Name = CookieName;
        o.Cookie.HttpOnly = true;
        o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        o.Cookie.SameSite = SameSiteMode.Strict;
        o.Cookie.Path = "/";
        o.Cookie.IsEssential = true;
        o.ExpireTimeSpan = TimeSpan.FromHours(options.SessionHours);
        o.SlidingExpiration = true;
        // An API answers 401/403 rather than redirecting to a login page.
        o.Events.OnRedirectToLogin = c => { c.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
        o.Events.OnRedirectToAccessDenied = c => { c.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
        o.Events.OnValidatePrincipal = ValidateAsync;
    }

    public static ClaimsPrincipal Principal(FacilitatorAccountRow account) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, account.Id.ToString()),
        new Claim(OrganisationClaim, account.OrganisationId.ToString()),
        new Claim(AdminClaim, account.IsAdmin ? "true" : "false"),
        new Claim(StampClaim, account.SecurityStamp),
    ], Scheme));

    public static AccountCaller? CallerOf(ClaimsPrincipal? user)
    {
        if (user?.Identity?.AuthenticationType != Scheme) return null;
        if (!Guid.TryParse(user.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var id) ||
            !Guid.TryParse(user.FindFirst(OrganisationClaim)?.Value, out var organisation)) return null;
        return new AccountCaller(id, organisation, user.FindFirst(AdminClaim)?.Value == "true");
    }

    /// <summary>The account must still exist, be enabled and have the same security stamp as when the cookie was issued.</summary>
    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var caller = CallerOf(context.Principal);
        var stamp = context.Principal?.FindFirst(StampClaim)?.Value;
        var valid = false;
        if (caller is not null && stamp is not null)
        {
            var db = context.HttpContext.RequestServices.GetRequiredService<ForumDbContext>();
            var account = await db.FacilitatorAccounts.AsNoTracking().Where(a => a.Id == caller.AccountId)
                .Select(a => new { a.Disabled, a.SecurityStamp, a.IsAdmin }).FirstOrDefaultAsync(context.HttpContext.RequestAborted);
            valid = account is { Disabled: false } && account.SecurityStamp == stamp && account.IsAdmin == caller.IsAdmin;
        }
        if (!valid)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
        }
    }
}
