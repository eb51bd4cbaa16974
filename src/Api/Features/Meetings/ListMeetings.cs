using ForumHub.Api.Accounts;
using ForumHub.Api.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Features.Meetings;

/// <summary>The meetings of the signed-in facilitator's organisation, newest first. Codes are shown while a meeting is open.</summary>
public sealed record ListMeetings(AccountCaller Account) : IRequest<IReadOnlyList<MeetingSummary>>;

public sealed record MeetingSummary(Guid MeetingId, string Title, string Phase, Guid? ForumId, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt,
    string? JoinCode, string? ListenerCode, bool RawDataDeleted);

public sealed class ListMeetingsHandler(ForumDbContext db) : IRequestHandler<ListMeetings, IReadOnlyList<MeetingSummary>>
{
    public async Task<IReadOnlyList<MeetingSummary>> Handle(ListMeetings request, CancellationToken ct)
    {
        const string closed = nameof(ForumHub.Domain.Meetings.Phase.Closed);
        return await (from o in db.MeetingOwners
                      join m in db.Meetings on o.MeetingId equals m.Id
                      where o.OrganisationId == request.Account.OrganisationId
                      orderby m.CreatedAt descending
                      select new MeetingSummary(m.Id, m.Title, m.Phase, o.ForumId, m.CreatedAt, m.ClosedAt,
                          m.Phase == closed ? null : m.JoinCode, m.Phase == closed ? null : m.ListenerCode,
                          db.MeetingDataDeletions.Any(d => d.MeetingId == m.Id)))
            .AsNoTracking().Take(500).ToListAsync(ct);
    }
}
