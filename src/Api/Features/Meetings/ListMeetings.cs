using ForumHub.Api.Access;
using ForumHub.Api.Persistence;
using ForumHub.Domain.Meetings;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Features.Meetings;

/// <summary>The meetings of the signed-in facilitator's organisation, newest first. Codes are shown while a meeting is open.</summary>
public sealed record ListMeetings(AccountCaller Account) : IRequest<IReadOnlyList<MeetingSummary>>;

public sealed record MeetingSummary(Guid MeetingId, string Title, Phase Phase, Guid? ForumId, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt,
    string? JoinCode, string? ListenerCode, bool RawDataDeleted);

public sealed class ListMeetingsHandler(ForumDbContext db) : IRequestHandler<ListMeetings, IReadOnlyList<MeetingSummary>>
{
    public async Task<IReadOnlyList<MeetingSummary>> Handle(ListMeetings request, CancellationToken ct)
    {
        const string closed = nameof(Phase.Closed);
        var rows = await (from o in db.MeetingOwners
                          join m in db.Meetings on o.MeetingId equals m.Id
                          where o.OrganisationId == request.Account.OrganisationId
                          orderby m.CreatedAt descending
                          select new
                          {
                              m.Id,
                              m.Title,
                              m.Phase,
                              o.ForumId,
                              m.CreatedAt,
                              m.ClosedAt,
                              JoinCode = m.Phase == closed ? null : m.JoinCode,
                              ListenerCode = m.Phase == closed ? null : m.ListenerCode,
                              Deleted = db.MeetingDataDeletions.Any(d => d.MeetingId == m.Id),
                          })
            .AsNoTracking().Take(500).ToListAsync(ct);
        // The row keeps the phase's C# name; the answer is the enum, written in camelCase like every other enum.
        return rows.Select(r => new MeetingSummary(r.Id, r.Title, Enum.Parse<Phase>(r.Phase), r.ForumId, r.CreatedAt, r.ClosedAt,
            r.JoinCode, r.ListenerCode, r.Deleted)).ToList();
    }
}
