using System.Security.Cryptography;
using System.Text.Json.Serialization;
using ForumHub.Api.Access;
using ForumHub.Api.Audit;
using ForumHub.Api.Persistence;
using ForumHub.Api.Runtime;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Features.Accounts;

/// <summary>
/// A new (or reset) facilitator chooses their own password with the one-time set-up code an administrator gave them,
/// and is signed in. The administrator never knows the password.
/// </summary>
public sealed record SetUpAccount(string? Email, string? Code, string? Password) : IRequest<SignedIn>
{
    [JsonIgnore]
    public string? Address { get; init; }
}

public sealed class SetUpAccountHandler(ForumDbContext db, Passwords passwords, AttemptGuards guards, AuditLog audit, TimeProvider clock)
    : IRequestHandler<SetUpAccount, SignedIn>
{
    public async Task<SignedIn> Handle(SetUpAccount request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var email = Passwords.NormalizeEmail(request.Email);
        var account = email.Length == 0 ? null : await db.FacilitatorAccounts.FirstOrDefaultAsync(a => a.Email == email, ct);
        var codeOk = account is { Disabled: false, SetupCodeHash: { } hash } && account.SetupCodeExpiresAt > now &&
                     CryptographicOperations.FixedTimeEquals(hash, Passwords.HashSetupCode(request.Code ?? ""));
        if (!codeOk)
        {
            guards.SignIns.RecordFailure(request.Address ?? "unknown");
            await audit.WriteAsync(new AuditLog.Entry("account.set_up_failed", account?.OrganisationId, account?.Id, Address: request.Address), ct);
            throw new CommandException(AccountErrorCodes.SetupCodeInvalid,
                "This set-up code does not work. It may be mistyped, used already, or too old. Please ask an administrator for a new one.",
                StatusCodes.Status401Unauthorized);
        }
        passwords.Check(request.Password, account!.Email);
        account.PasswordHash = passwords.Hash(account, request.Password!);
        account.SetupCodeHash = null;
        account.SetupCodeExpiresAt = null;
        account.SecurityStamp = Passwords.NewSecurityStamp();
        account.FailedSignIns = 0;
        account.LockedUntil = null;
        account.LastSignInAt = now;
        audit.Add(db, new AuditLog.Entry("account.set_up", account.OrganisationId, account.Id, Address: request.Address));
        await db.SaveChangesAsync(ct);
        return new SignedIn(AccountView.Of(account, now), FacilitatorCookie.Principal(account));
    }
}
