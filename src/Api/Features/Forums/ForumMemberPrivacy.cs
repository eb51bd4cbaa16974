using ForumHub.Api.Access;
using ForumHub.Api.Audit;
using ForumHub.Api.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Features.Forums;

/// <summary>
/// Everything the forum keeps about one member or listener (not their card's code: it is not kept): with every
/// answer they gave to keeping a record, and their forum record as it is computed today.
/// </summary>
public sealed record ForumMemberExport(
    string Forum, ForumMemberView Person, DateTimeOffset AddedAt, DateTimeOffset ConsentChangedAt, IReadOnlyList<ForumMeetingView> MeetingsCameTo,
    IReadOnlyList<ConsentAnswer> ConsentHistory, ForumRecordView Record);

public sealed record ConsentAnswer(bool KeepsRecord, DateTimeOffset At);

/// <summary>Privacy: a copy of a forum member's data for them (docs/privacy.md).</summary>
public sealed record ExportForumMember(AccountCaller Account, Guid ForumId, Guid MemberId) : IRequest<ForumMemberExport>;

public sealed class ExportForumMemberHandler(ForumDbContext db, AuditLog audit, TimeProvider clock, ILogger<ExportForumMemberHandler> log) : IRequestHandler<ExportForumMember, ForumMemberExport>
{
    public async Task<ForumMemberExport> Handle(ExportForumMember request, CancellationToken ct)
    {
        var forum = await ForumRules.ForumAsync(db, request.Account, request.ForumId, log, ct);
        var row = await ForumRules.MemberAsync(db, forum.Id, request.MemberId, ct);
        await audit.WriteAsync(new AuditLog.Entry("forum.member_exported", request.Account.OrganisationId, request.Account.AccountId,
            Target: row.Id.ToString()), ct);
        return await ForumMemberRecord.ExportAsync(db, forum.Name, row, clock.GetUtcNow(), ct);
    }
}

/// <summary>What the forum keeps about one member, for the staff export and for the person's own (GET /api/me/export).</summary>
public static class ForumMemberRecord
{
    public static async Task<ForumMemberExport> ExportAsync(ForumDbContext db, string forumName, ForumMemberRow row, DateTimeOffset now, CancellationToken ct)
    {
        var meetings = await (from p in db.Participants
                              join m in db.Meetings on p.MeetingId equals m.Id
                              where p.ForumMemberId == row.Id
                              orderby m.CreatedAt
                              select new ForumMeetingView(m.Id, m.Title, m.Phase, m.CreatedAt)).AsNoTracking().ToListAsync(ct);
        var consents = await db.ForumMemberConsents.AsNoTracking().Where(c => c.ForumMemberId == row.Id).OrderBy(c => c.ChangedAt)
            .Select(c => new ConsentAnswer(c.KeepsRecord, c.ChangedAt)).ToListAsync(ct);
        var record = await ForumRecord.ComputeAsync(db, row, forumName, now, ct);
        return new ForumMemberExport(forumName, ForumMemberView.Of(row), row.CreatedAt, row.ConsentChangedAt, meetings, consents, record);
    }

    /// <summary>
    /// The forum member a meeting's participant is (joined with their forum card, added from the forum's list, or linked
    /// later), or null: a card holder's own export holds their forum record too. An erased member is gone (null).
    /// </summary>
    public static async Task<ForumMemberExport?> OfParticipantAsync(ForumDbContext db, Guid participantId, DateTimeOffset now, CancellationToken ct)
    {
        var found = await (from p in db.Participants
                           join fm in db.ForumMembers on p.ForumMemberId equals fm.Id
                           join f in db.Forums on fm.ForumId equals f.Id
                           where p.Id == participantId
                           select new { Member = fm, Forum = f.Name }).AsNoTracking().FirstOrDefaultAsync(ct);
        return found is null ? null : await ExportAsync(db, found.Forum, found.Member, now, ct);
    }
}

/// <summary>
/// Privacy: removes a member or listener from the forum and erases what the forum keeps about them: their row (name,
/// picture, service, supporter, consent and its history, card) goes, and their meeting participants are no longer
/// linked to them, so no record of their attendance remains and "My forum record" has nothing left to count. What they said in each meeting is erased per meeting (POST
/// /api/meetings/{meetingId}/participants/{participantId}/erase), as before.
/// </summary>
public sealed record EraseForumMember(AccountCaller Account, Guid ForumId, Guid MemberId) : IRequest<ForumMemberErased>;

public sealed record ForumMemberErased(Guid MemberId, int MeetingsUnlinked);

public sealed class EraseForumMemberHandler(ForumDbContext db, AuditLog audit, ILogger<EraseForumMemberHandler> log) : IRequestHandler<EraseForumMember, ForumMemberErased>
{
    public async Task<ForumMemberErased> Handle(EraseForumMember request, CancellationToken ct)
    {
        var forum = await ForumRules.ForumAsync(db, request.Account, request.ForumId, log, ct);
        var row = await ForumRules.MemberAsync(db, forum.Id, request.MemberId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var unlinked = await db.Participants.Where(p => p.ForumMemberId == row.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ForumMemberId, (Guid?)null), ct);
        db.ForumMembers.Remove(row);
        audit.Add(db, new AuditLog.Entry("forum.member_erased", request.Account.OrganisationId, request.Account.AccountId, Target: row.Id.ToString()));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ForumMemberErased(row.Id, unlinked);
    }
}
