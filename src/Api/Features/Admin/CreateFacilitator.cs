using ForumHub.Api.Access;
using ForumHub.Api.Audit;
using ForumHub.Api.Features.Accounts;
using ForumHub.Api.Persistence;
using ForumHub.Api.Runtime;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Features.Admin;

/// <summary>
/// An administrator adds a facilitator (or another administrator) to their organisation. The answer carries a
/// one-time set-up code, shown only here: hand it to the person, who then chooses their own password.
/// </summary>
public sealed record CreateFacilitator(string? Email, string? DisplayName, bool IsAdmin) : IRequest<FacilitatorCreated>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public AccountCaller Admin { get; init; } = null!;
}

public sealed record FacilitatorCreated(AccountView Account, string SetupCode, DateTimeOffset SetupCodeExpiresAt);

public sealed class CreateFacilitatorHandler(ForumDbContext db, AccountOptions options, AuditLog audit, TimeProvider clock)
    : IRequestHandler<CreateFacilitator, FacilitatorCreated>
{
    public async Task<FacilitatorCreated> Handle(CreateFacilitator request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var email = AccountRules.Email(request.Email);
        var name = AccountRules.Name(request.DisplayName, "name");
        if (await db.FacilitatorAccounts.AnyAsync(a => a.Email == email, ct))
            throw new CommandException(AccountErrorCodes.EmailTaken, "There is already an account with this email address.", StatusCodes.Status409Conflict);
        var code = Passwords.NewSetupCode();
        var account = new FacilitatorAccountRow
        {
            Id = Guid.NewGuid(),
            OrganisationId = request.Admin.OrganisationId,
            Email = email,
            DisplayName = name,
            IsAdmin = request.IsAdmin,
            SecurityStamp = Passwords.NewSecurityStamp(),
            SetupCodeHash = Passwords.HashSetupCode(code),
            SetupCodeExpiresAt = now.AddHours(options.SetupCodeHours),
            CreatedAt = now,
        };
        db.FacilitatorAccounts.Add(account);
        audit.Add(db, new AuditLog.Entry(request.IsAdmin ? "admin.administrator_created" : "admin.facilitator_created",
            request.Admin.OrganisationId, request.Admin.AccountId, Target: account.Id.ToString()));
        await db.SaveChangesAsync(ct);
        return new FacilitatorCreated(AccountView.Of(account, now), code, account.SetupCodeExpiresAt!.Value);
    }
}
