using ForumHub.Api.Access;
using ForumHub.Api.Persistence;
using ForumHub.Domain.Meetings;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Features.Meetings;

/// <summary>
/// "My meetings": the meetings the signed-in account started, newest first, so a facilitator gets back into her
/// console (through facilitator-access) without the tab or the laptop she started it on. Colleagues' meetings are
/// in GET /api/meetings/ (the organisation's list); this one is only hers.
/// </summary>
public sealed record ListMyMeetings(AccountCaller Account) : IRequest<IReadOnlyList<MyMeeting>>;

/// <summary>
/// <paramref name="CanOpen"/>: the console can be opened again (false once the retention rule deleted the meeting's
/// data or the facilitator was removed); facilitator-access answers 404 for those.
/// </summary>
public sealed record MyMeeting(Guid MeetingId, string Title, Phase Phase, Guid? ForumId, string? ForumName, DateTimeOffset CreatedAt,
    DateTimeOffset? ClosedAt, Guid FacilitatorId, string? FacilitatorName, bool CanOpen);

public sealed class ListMyMeetingsHandler(ForumDbContext db) : IRequestHandler<ListMyMeetings, IReadOnlyList<MyMeeting>>
{
    public async Task<IReadOnlyList<MyMeeting>> Handle(ListMyMeetings request, CancellationToken ct)
    {
        var rows = await (from o in db.MeetingOwners
                          join m in db.Meetings on o.MeetingId equals m.Id
                          where o.CreatedByAccountId == request.Account.AccountId && o.OrganisationId == request.Account.OrganisationId
                          orderby m.CreatedAt descending
                          select new
                          {
                              m.Id,
                              m.Title,
                              m.Phase,
                              o.ForumId,
                              ForumName = db.Forums.Where(f => f.Id == o.ForumId).Select(f => f.Name).FirstOrDefault(),
                              m.CreatedAt,
                              m.ClosedAt,
                              o.FacilitatorParticipantId,
                              Facilitator = db.Participants.Where(p => p.Id == o.FacilitatorParticipantId && !p.Removed)
                                  .Select(p => p.DisplayName).FirstOrDefault(),
                              Deleted = db.MeetingDataDeletions.Any(d => d.MeetingId == m.Id),
                          })
            .AsNoTracking().Take(200).ToListAsync(ct);
        return rows.Select(r => new MyMeeting(r.Id, r.Title, Enum.Parse<Phase>(r.Phase), r.ForumId, r.ForumName, r.CreatedAt, r.ClosedAt,
            r.FacilitatorParticipantId, r.Facilitator, CanOpen: !r.Deleted && r.Facilitator is not null)).ToList();
    }
}
