using ForumHub.Api.Access;
using ForumHub.Api.Audit;
using ForumHub.Api.Persistence;
using MediatR;

namespace ForumHub.Api.Features.Forums;

/// <summary>A new forum card (a lost card, or to print again): the old code stops working at once.</summary>
public sealed record IssueForumCard(AccountCaller Account, Guid ForumId, Guid MemberId) : IRequest<ForumCard>;

public sealed class IssueForumCardHandler(ForumDbContext db, AuditLog audit, TimeProvider clock, ILogger<IssueForumCardHandler> log) : IRequestHandler<IssueForumCard, ForumCard>
{
    public async Task<ForumCard> Handle(IssueForumCard request, CancellationToken ct)
    {
        var forum = await ForumRules.ForumAsync(db, request.Account, request.ForumId, log, ct);
        var row = await ForumRules.MemberAsync(db, forum.Id, request.MemberId, ct);
        var code = ForumRules.NewCardCode();
        row.CardCodeHash = ForumRules.CardHash(code);
        row.CardIssuedAt = clock.GetUtcNow();
        audit.Add(db, new AuditLog.Entry("forum.card_issued", request.Account.OrganisationId, request.Account.AccountId, Target: row.Id.ToString()));
        await db.SaveChangesAsync(ct);
        return new ForumCard(row.Id, row.Kind, row.DisplayName, row.Picture, forum.Name, code);
    }
}
