using ForumHub.Api.Access;
using ForumHub.Api.Audit;
using ForumHub.Api.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Features.Forums;

/// <summary>
/// "My forum record" for the member themself: their forum card is the credential, its code in the body (never the
/// address: it is a secret, and addresses end up in logs). A wrong code counts against the caller's address.
/// </summary>
public sealed record GetMyForumRecord(string? Code) : IRequest<ForumRecordView>;

public sealed class GetMyForumRecordHandler(ForumDbContext db, TimeProvider clock) : IRequestHandler<GetMyForumRecord, ForumRecordView>
{
    public async Task<ForumRecordView> Handle(GetMyForumRecord request, CancellationToken ct)
    {
        var holder = await ForumRules.CardHolderAsync(db, request.Code, ct);
        var forum = await db.Forums.AsNoTracking().SingleAsync(f => f.Id == holder.ForumId, ct);
        return await ForumRecord.ComputeAsync(db, holder, forum.Name, clock.GetUtcNow(), ct);
    }
}

/// <summary>A member's forum record for the forum's facilitator (to print it with them); audited, like the export.</summary>
public sealed record GetForumRecord(AccountCaller Account, Guid ForumId, Guid MemberId) : IRequest<ForumRecordView>;

public sealed class GetForumRecordHandler(ForumDbContext db, AuditLog audit, TimeProvider clock, ILogger<GetForumRecordHandler> log)
    : IRequestHandler<GetForumRecord, ForumRecordView>
{
    public async Task<ForumRecordView> Handle(GetForumRecord request, CancellationToken ct)
    {
        var forum = await ForumRules.ForumAsync(db, request.Account, request.ForumId, log, ct);
        var member = await ForumRules.MemberAsync(db, forum.Id, request.MemberId, ct);
        var record = await ForumRecord.ComputeAsync(db, member, forum.Name, clock.GetUtcNow(), ct);
        await audit.WriteAsync(new AuditLog.Entry("forum.record_read", request.Account.OrganisationId, request.Account.AccountId,
            Target: member.Id.ToString()), ct);
        return record;
    }
}
