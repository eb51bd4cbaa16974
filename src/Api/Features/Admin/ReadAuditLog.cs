using ForumHub.Api.Access;
using ForumHub.Api.Audit;
using ForumHub.Api.Persistence;
using ForumHub.Api.Runtime;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Features.Admin;

/// <summary>
/// The organisation's audit log, newest first, a page at a time (pass the last id seen as Before). Optional filters:
/// AccountId (entries the account did, or that were done to it: admin changes name it as their target) and Action
/// (one action name, e.g. "admin.facilitator_disable", or a group ending in ".", e.g. "admin.").
/// </summary>
public sealed record ReadAuditLog(AccountCaller Admin, long? Before, int? Limit, Guid? AccountId = null, string? Action = null)
    : IRequest<IReadOnlyList<AuditEntryView>>;

public sealed record AuditEntryView(long Id, DateTimeOffset At, string Action, Guid? AccountId, Guid? MeetingId, Guid? ParticipantId,
    string? Target, string? Address);

public sealed class ReadAuditLogHandler(ForumDbContext db) : IRequestHandler<ReadAuditLog, IReadOnlyList<AuditEntryView>>
{
    /// <summary>Action names are lower-case words, dots and underscores (meeting commands keep their PascalCase name).</summary>
    private static readonly System.Text.RegularExpressions.Regex ActionShape = new("^[A-Za-z_.]{1,60}$");

    public async Task<IReadOnlyList<AuditEntryView>> Handle(ReadAuditLog request, CancellationToken ct)
    {
        var limit = Math.Clamp(request.Limit ?? 100, 1, 500);
        var before = request.Before ?? long.MaxValue;
        var query = db.AuditLog.AsNoTracking().Where(a => a.OrganisationId == request.Admin.OrganisationId && a.Id < before);
        if (request.AccountId is { } accountId)
        {
            var target = accountId.ToString();
            query = query.Where(a => a.AccountId == accountId || a.Target == target);
        }
        if (!string.IsNullOrWhiteSpace(request.Action))
        {
            var action = request.Action.Trim();
            if (!ActionShape.IsMatch(action))
                throw new CommandException(ApiErrorCodes.InvalidRequest, "This is not the name of something in the audit log.");
            query = action.EndsWith('.') ? query.Where(a => a.Action.StartsWith(action)) : query.Where(a => a.Action == action);
        }
        return await query.OrderByDescending(a => a.Id).Take(limit)
            .Select(a => new AuditEntryView(a.Id, a.At, a.Action, a.AccountId, a.MeetingId, a.ParticipantId, a.Target, a.Address))
            .ToListAsync(ct);
    }
}

/// <summary>Every action name in the organisation's audit log, A to Z, for the filter's list.</summary>
public sealed record ListAuditActions(AccountCaller Admin) : IRequest<IReadOnlyList<string>>;

public sealed class ListAuditActionsHandler(ForumDbContext db) : IRequestHandler<ListAuditActions, IReadOnlyList<string>>
{
    public async Task<IReadOnlyList<string>> Handle(ListAuditActions request, CancellationToken ct) =>
        await db.AuditLog.AsNoTracking().Where(a => a.OrganisationId == request.Admin.OrganisationId)
            .Select(a => a.Action).Distinct().OrderBy(a => a).ToListAsync(ct);
}
