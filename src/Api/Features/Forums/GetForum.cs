using ForumHub.Api.Access;
using ForumHub.Api.Persistence;
using ForumHub.Domain.Meetings;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Features.Forums;

/// <summary>The forum page: its members and listeners, its live, past and planned meetings, and recent newcomers.</summary>
public sealed record GetForum(AccountCaller Account, Guid ForumId) : IRequest<ForumPage>;

public sealed class GetForumHandler(ForumDbContext db, ILogger<GetForumHandler> log) : IRequestHandler<GetForum, ForumPage>
{
    /// <summary>Newcomers are looked for in this many of the forum's latest meetings: older ones are history.</summary>
    private const int NewcomerMeetings = 3;

    public async Task<ForumPage> Handle(GetForum request, CancellationToken ct)
    {
        var forum = await ForumRules.ForumAsync(db, request.Account, request.ForumId, log, ct);
        var people = await db.ForumMembers.AsNoTracking().Where(m => m.ForumId == forum.Id).OrderBy(m => m.DisplayName).ToListAsync(ct);
        var meetings = await (from o in db.MeetingOwners
                              join m in db.Meetings on o.MeetingId equals m.Id
                              where o.ForumId == forum.Id
                              orderby m.CreatedAt descending
                              select new ForumMeetingView(m.Id, m.Title, m.Phase, m.CreatedAt)).AsNoTracking().ToListAsync(ct);
        var planned = await db.PlannedMeetings.AsNoTracking().Where(p => p.ForumId == forum.Id && p.MeetingId == null)
            .OrderBy(p => p.StartsAt).ToListAsync(ct);
        var recent = meetings.Take(NewcomerMeetings).Select(m => m.MeetingId).ToList();
        var member = nameof(Role.Member);
        var listener = nameof(Role.Listener);
        var newcomers = await db.Participants.AsNoTracking()
            .Where(p => recent.Contains(p.MeetingId) && p.ForumMemberId == null && !p.Removed && (p.Role == member || p.Role == listener))
            .OrderBy(p => p.JoinedAt)
            .Select(p => new NewcomerView(p.MeetingId, p.Id, p.DisplayName, p.Picture, p.Role, p.JoinedAt)).ToListAsync(ct);
        var closed = nameof(Phase.Closed);
        return new ForumPage(forum.Id, forum.Name,
            people.Where(p => p.Kind == ForumRules.Member).Select(ForumMemberView.Of).ToList(),
            people.Where(p => p.Kind == ForumRules.Listener).Select(ForumMemberView.Of).ToList(),
            meetings.Where(m => m.Phase != closed).ToList(),
            meetings.Where(m => m.Phase == closed).ToList(),
            planned.Select(PlannedMeetingView.Of).ToList(),
            newcomers);
    }
}
