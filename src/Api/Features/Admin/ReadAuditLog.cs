using ForumHub.Api.Accounts;
using ForumHub.Api.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Features.Admin;

/// <summary>The organisation's audit log, newest first, a page at a time (pass the last id seen as Before).</summary>
public sealed record ReadAuditLog(AccountCaller Admin, long? Before, int? Limit) : IRequest<IReadOnlyList<AuditEntryView>>;

public sealed record AuditEntryView(long Id, DateTimeOffset At, string Action, Guid? AccountId, Guid? MeetingId, Guid? ParticipantId,
    string? Target, string? Address);

public sealed class ReadAuditLogHandler(ForumDbContext db) : IRequestHandler<ReadAuditLog, IReadOnlyList<AuditEntryView>>
{
    public async Task<IReadOnlyList<AuditEntryView>> Handle(ReadAuditLog request, CancellationToken ct)
    {
        var limit = Math.Clamp(request.Limit ?? 100, 1, 500);
        var before = request.Before ?? long.MaxValue;
        return await db.AuditLog.AsNoTracking()
            .Where(a => a.OrganisationId == request.Admin.OrganisationId && a.Id < before)
            .OrderByDescending(a => a.Id).Take(limit)
            .Select(a => new AuditEntryView(a.Id, a.At, a.Action, a.AccountId, a.MeetingId, a.ParticipantId, a.Target, a.Address))
            .ToListAsync(ct);
    }
}
