using ForumHub.Api.Access;
using ForumHub.Api.Audit;
using ForumHub.Api.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Features.Accounts;

/// <summary>
/// Ends every session of the signed-in facilitator, on every device (for a lost laptop or a shared computer left
/// signed in): a new security stamp makes every cookie issued before it invalid. This device is signed out too.
/// </summary>
public sealed record SignOutEverywhere(AccountCaller Account) : IRequest<Unit>;

public sealed class SignOutEverywhereHandler(ForumDbContext db, AuditLog audit) : IRequestHandler<SignOutEverywhere, Unit>
{
    public async Task<Unit> Handle(SignOutEverywhere request, CancellationToken ct)
    {
        var account = await db.FacilitatorAccounts.FirstAsync(a => a.Id == request.Account.AccountId, ct);
        account.SecurityStamp = Passwords.NewSecurityStamp();
        audit.Add(db, new AuditLog.Entry("account.signed_out_everywhere", account.OrganisationId, account.Id));
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
