using ForumHub.Api.Access;
using ForumHub.Api.Features.Accounts;
using ForumHub.Api.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Features.Admin;

/// <summary>The facilitator accounts of the administrator's organisation.</summary>
public sealed record ListFacilitators(AccountCaller Admin) : IRequest<IReadOnlyList<AccountView>>;

public sealed class ListFacilitatorsHandler(ForumDbContext db, TimeProvider clock) : IRequestHandler<ListFacilitators, IReadOnlyList<AccountView>>
{
    public async Task<IReadOnlyList<AccountView>> Handle(ListFacilitators request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var rows = await db.FacilitatorAccounts.AsNoTracking().Where(a => a.OrganisationId == request.Admin.OrganisationId)
            .OrderBy(a => a.DisplayName).ThenBy(a => a.Email).ToListAsync(ct);
        return rows.Select(a => AccountView.Of(a, now)).ToList();
    }
}
