using System.Security.Claims;
using System.Text.Json.Serialization;
using ForumHub.Api.Access;
using ForumHub.Api.Audit;
using ForumHub.Api.Persistence;
using ForumHub.Api.Runtime;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Features.Accounts;

/// <summary>
/// A facilitator signs in with email and password. A wrong password, an unknown email and a disabled account all get
/// the same answer in the same time; MaxFailedSignIns wrong passwords in a row lock the account for LockoutMinutes.
/// </summary>
public sealed record SignIn(string? Email, string? Password) : IRequest<SignedIn>
{
    [JsonIgnore]
    public string? Address { get; init; }
}

/// <summary>The endpoint turns Principal into the session cookie.</summary>
public sealed record SignedIn(AccountView Account, [property: JsonIgnore] ClaimsPrincipal Principal);

public sealed class SignInHandler(ForumDbContext db, Passwords passwords, AccountOptions options, AttemptGuards guards, AuditLog audit, TimeProvider clock)
    : IRequestHandler<SignIn, SignedIn>
{
    public async Task<SignedIn> Handle(SignIn request, CancellationToken ct)
    {
        var email = Passwords.NormalizeEmail(request.Email);
        var password = request.Password ?? "";
        var now = clock.GetUtcNow();
        var account = email.Length == 0 ? null : await db.FacilitatorAccounts.FirstOrDefaultAsync(a => a.Email == email, ct);
        if (account is null || account.Disabled)
        {
            passwords.SpendTheSameTime(password);
            await FailedAsync(account, request.Address, "account.sign_in_failed", ct);
            throw Failed();
        }
        if (account.LockedUntil > now)
        {
            await audit.WriteAsync(new AuditLog.Entry("account.sign_in_while_locked", account.OrganisationId, account.Id, Address: request.Address), ct);
            throw Locked(options);
        }
        if (!passwords.Verify(account, password, out var rehash))
        {
            var locked = await CountFailureAsync(db, account.Id, options, now, ct);
            await FailedAsync(account, request.Address, locked ? "account.locked" : "account.sign_in_failed", ct);
            throw locked ? Locked(options) : Failed();
        }

        account.FailedSignIns = 0;
        account.LockedUntil = null;
        account.LastSignInAt = now;
        if (rehash) account.PasswordHash = passwords.Hash(account, password);
        audit.Add(db, new AuditLog.Entry("account.signed_in", account.OrganisationId, account.Id, Address: request.Address));
        await db.SaveChangesAsync(ct);
        return new SignedIn(AccountView.Of(account, now), FacilitatorCookie.Principal(account));
    }

    private async Task FailedAsync(FacilitatorAccountRow? account, string? address, string action, CancellationToken ct)
    {
        guards.SignIns.RecordFailure(address ?? "unknown");
        await audit.WriteAsync(new AuditLog.Entry(action, account?.OrganisationId, account?.Id, Address: address), ct);
    }

    /// <summary>Adds one failure atomically (parallel guesses all count); locks the account when it reaches the maximum.</summary>
    internal static async Task<bool> CountFailureAsync(ForumDbContext db, Guid accountId, AccountOptions options, DateTimeOffset now, CancellationToken ct)
    {
        var max = options.MaxFailedSignIns;
        DateTimeOffset? lockUntil = now.AddMinutes(options.LockoutMinutes);
        await db.FacilitatorAccounts.Where(a => a.Id == accountId).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.LockedUntil, a => a.FailedSignIns + 1 >= max ? lockUntil : a.LockedUntil)
            .SetProperty(a => a.FailedSignIns, a => a.FailedSignIns + 1 >= max ? 0 : a.FailedSignIns + 1), ct);
        return await db.FacilitatorAccounts.AsNoTracking().AnyAsync(a => a.Id == accountId && a.LockedUntil > now, ct);
    }

    internal static CommandException Failed() => new(AccountErrorCodes.SignInFailed,
        "That email and password did not work together. Please check them and try again.", StatusCodes.Status401Unauthorized);

    internal static CommandException Locked(AccountOptions options) => new(AccountErrorCodes.AccountLocked,
        $"This account is locked after too many wrong passwords. Please try again in {options.LockoutMinutes} minutes, or ask an administrator.",
        StatusCodes.Status429TooManyRequests);
}
