using ForumHub.Api.Access;
using ForumHub.Api.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Features.Accounts;

/// <summary>Who is signed in, with their organisation's forums (for the "new meeting" form).</summary>
public sealed record GetMyAccount(AccountCaller Account) : IRequest<MyAccount>;

public sealed record MyAccount(AccountView Account, string OrganisationName, IReadOnlyList<ForumView> Forums);

public sealed record ForumView(Guid Id, string Name, DateTimeOffset CreatedAt);

public sealed class GetMyAccountHandler(ForumDbContext db, TimeProvider clock) : IRequestHandler<GetMyAccount, MyAccount>
{
    public async Task<MyAccount> Handle(GetMyAccount request, CancellationToken ct)
    {
        var account = await db.FacilitatorAccounts.AsNoTracking().FirstAsync(a => a.Id == request.Account.AccountId, ct);
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == account.OrganisationId).Select(o => o.Name).FirstAsync(ct);
        return new MyAccount(AccountView.Of(account, clock.GetUtcNow()), organisation, await ListForumsHandler.ForumsAsync(db, account.OrganisationId, ct));
    }
}

public sealed record ListForums(AccountCaller Account) : IRequest<IReadOnlyList<ForumView>>;

public sealed class ListForumsHandler(ForumDbContext db) : IRequestHandler<ListForums, IReadOnlyList<ForumView>>
{
    public Task<IReadOnlyList<ForumView>> Handle(ListForums request, CancellationToken ct) => ForumsAsync(db, request.Account.OrganisationId, ct);

    internal static async Task<IReadOnlyList<ForumView>> ForumsAsync(ForumDbContext db, Guid organisationId, CancellationToken ct) =>
        await db.Forums.AsNoTracking().Where(f => f.OrganisationId == organisationId).OrderBy(f => f.Name)
            .Select(f => new ForumView(f.Id, f.Name, f.CreatedAt)).ToListAsync(ct);
}
