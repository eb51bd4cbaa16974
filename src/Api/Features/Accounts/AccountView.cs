using ForumHub.Api.Persistence;

namespace ForumHub.Api.Features.Accounts;

/// <summary>A facilitator account as its owner and administrators see it (never the hash or the set-up code).</summary>
public sealed record AccountView(
    Guid Id, string Email, string DisplayName, bool IsAdmin, Guid OrganisationId, bool Disabled, bool Locked, bool PasswordSet,
    DateTimeOffset CreatedAt, DateTimeOffset? LastSignInAt)
{
    public static AccountView Of(FacilitatorAccountRow a, DateTimeOffset now) => new(
        a.Id, a.Email, a.DisplayName, a.IsAdmin, a.OrganisationId, a.Disabled, a.LockedUntil > now, a.PasswordHash is not null,
        a.CreatedAt, a.LastSignInAt);
}
