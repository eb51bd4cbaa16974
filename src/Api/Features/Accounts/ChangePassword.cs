using System.Text.Json.Serialization;
using ForumHub.Api.Access;
using ForumHub.Api.Audit;
using ForumHub.Api.Persistence;
using ForumHub.Api.Runtime;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Features.Accounts;

/// <summary>Changes the signed-in facilitator's password; every other session of theirs ends (new security stamp).</summary>
public sealed record ChangePassword(string? CurrentPassword, string? NewPassword) : IRequest<SignedIn>
{
    [JsonIgnore]
    public AccountCaller Account { get; init; } = null!;
}

public sealed class ChangePasswordHandler(ForumDbContext db, Passwords passwords, AccountOptions options, AuditLog audit, TimeProvider clock)
    : IRequestHandler<ChangePassword, SignedIn>
{
    public async Task<SignedIn> Handle(ChangePassword request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var account = await db.FacilitatorAccounts.FirstAsync(a => a.Id == request.Account.AccountId, ct);
        if (account.LockedUntil > now) throw SignInHandler.Locked(options);
        if (!passwords.Verify(account, request.CurrentPassword ?? "", out _))
        {
            var locked = await SignInHandler.CountFailureAsync(db, account.Id, options, now, ct);
            await audit.WriteAsync(new AuditLog.Entry(locked ? "account.locked" : "account.password_change_failed", account.OrganisationId, account.Id), ct);
            throw locked ? SignInHandler.Locked(options) : SignInHandler.Failed();
        }
        passwords.Check(request.NewPassword, account.Email);
        account.PasswordHash = passwords.Hash(account, request.NewPassword!);
        account.SecurityStamp = Passwords.NewSecurityStamp();
        account.FailedSignIns = 0;
        audit.Add(db, new AuditLog.Entry("account.password_changed", account.OrganisationId, account.Id));
        await db.SaveChangesAsync(ct);
        return new SignedIn(AccountView.Of(account, now), FacilitatorCookie.Principal(account));
    }
}
