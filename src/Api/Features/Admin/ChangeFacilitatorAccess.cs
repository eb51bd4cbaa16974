using ForumHub.Api.Access;
using ForumHub.Api.Audit;
using ForumHub.Api.Features.Accounts;
using ForumHub.Api.Persistence;
using ForumHub.Api.Runtime;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Features.Admin;

public enum AccessChange { Reset, Unlock, Disable, Enable }

/// <summary>
/// An administrator resets (new set-up code, password cleared, sessions ended), unlocks, disables (sessions ended)
/// or enables a facilitator account of their own organisation. Nobody can reset or disable themselves.
/// </summary>
public sealed record ChangeFacilitatorAccess(AccountCaller Admin, Guid AccountId, AccessChange Change) : IRequest<FacilitatorChanged>;

/// <summary>SetupCode is set only by a reset, and shown only here.</summary>
public sealed record FacilitatorChanged(AccountView Account, string? SetupCode, DateTimeOffset? SetupCodeExpiresAt);

public sealed class ChangeFacilitatorAccessHandler(
    ForumDbContext db, AccountOptions options, AuditLog audit, TimeProvider clock, ILogger<ChangeFacilitatorAccessHandler> log)
    : IRequestHandler<ChangeFacilitatorAccess, FacilitatorChanged>
{
    public async Task<FacilitatorChanged> Handle(ChangeFacilitatorAccess request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // Another organisation's account is "not found": administrators only see their own organisation.
        var account = await db.FacilitatorAccounts.FirstOrDefaultAsync(a => a.Id == request.AccountId && a.OrganisationId == request.Admin.OrganisationId, ct);
        if (account is null)
        {
            log.LogWarning("Refused {Change} of account {AccountId} for administrator {AdminId}: not in their organisation",
                request.Change, request.AccountId, request.Admin.AccountId);
            throw new CommandException(AccountErrorCodes.AccountNotFound, "We could not find this account.", StatusCodes.Status404NotFound);
        }
        if (account.Id == request.Admin.AccountId && request.Change is AccessChange.Reset or AccessChange.Disable)
            throw new CommandException(AccountErrorCodes.CannotChangeYourself, "Please ask another administrator to do this to your own account.",
                StatusCodes.Status409Conflict);
        string? code = null;
        switch (request.Change)
        {
            case AccessChange.Reset:
                code = Passwords.NewSetupCode();
                account.PasswordHash = null;
                account.SetupCodeHash = Passwords.HashSetupCode(code);
                account.SetupCodeExpiresAt = now.AddHours(options.SetupCodeHours);
                account.SecurityStamp = Passwords.NewSecurityStamp();
                account.FailedSignIns = 0;
                account.LockedUntil = null;
                break;
            case AccessChange.Unlock:
                account.FailedSignIns = 0;
                account.LockedUntil = null;
                break;
            case AccessChange.Disable:
                account.Disabled = true;
                account.SecurityStamp = Passwords.NewSecurityStamp();
                break;
            case AccessChange.Enable:
                account.Disabled = false;
                break;
        }
        audit.Add(db, new AuditLog.Entry($"admin.facilitator_{request.Change.ToString().ToLowerInvariant()}", request.Admin.OrganisationId,
            request.Admin.AccountId, Target: account.Id.ToString()));
        await db.SaveChangesAsync(ct);
        return new FacilitatorChanged(AccountView.Of(account, now), code, account.SetupCodeExpiresAt is { } at && code is not null ? at : null);
    }
}
