using ForumHub.Api.Access;
using ForumHub.Api.Persistence;
using ForumHub.Api.Runtime;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Features.Forums;

/// <summary>A person on the invitation: only for readers who may see the forum's people (not the public).</summary>
public sealed record InvitedPerson(string DisplayName, string? Picture, string Kind, string? RoleWords);

/// <summary>
/// The Easy Read invitation: when, where, what about. People is empty for a public reader: a shared link must not
/// tell strangers who comes. LastIdeas: "what happened to your last ideas" (LastIdeas.cs), null before a first meeting.
/// </summary>
public sealed record InvitationView(
    string ForumName, DateTimeOffset StartsAt, string Place, bool IsVideoLink, string About, bool InvitationPublic, Guid? MeetingId,
    IReadOnlyList<InvitedPerson> People, LastIdeasView? LastIdeas);

/// <summary>The invitation by its link: anyone when public; otherwise a signed-in account of the forum's organisation.</summary>
public sealed record GetInvitation(string Key, AccountCaller? Account) : IRequest<InvitationView>;

/// <summary>A forum card's holder reads their forum's next invitation, public or not.</summary>
public sealed record GetCardInvitation(string? Code) : IRequest<InvitationView>;

public sealed class InvitationHandlers(ForumDbContext db, MeetingStore store, TimeProvider clock)
    : IRequestHandler<GetInvitation, InvitationView>, IRequestHandler<GetCardInvitation, InvitationView>
{
    public async Task<InvitationView> Handle(GetInvitation request, CancellationToken ct)
    {
        var found = await (from p in db.PlannedMeetings
                           join f in db.Forums on p.ForumId equals f.Id
                           where p.InvitationKey == request.Key
                           select new { Planned = p, Forum = f }).AsNoTracking().FirstOrDefaultAsync(ct);
        var insider = found is not null && request.Account?.OrganisationId == found.Forum.OrganisationId;
        // Private, and not an insider: the same answer as an unknown link, so a link does not say that it exists.
        if (found is null || (!found.Planned.InvitationPublic && !insider)) throw NotFound();
        return await ViewAsync(found.Planned, found.Forum, insider, ct);
    }

    public async Task<InvitationView> Handle(GetCardInvitation request, CancellationToken ct)
    {
        var holder = await ForumRules.CardHolderAsync(db, request.Code, ct);
        var forum = await db.Forums.AsNoTracking().FirstAsync(f => f.Id == holder.ForumId, ct);
        var since = clock.GetUtcNow().AddDays(-1);
        var next = await db.PlannedMeetings.AsNoTracking().Where(p => p.ForumId == forum.Id && p.StartsAt >= since)
            .OrderBy(p => p.StartsAt).FirstOrDefaultAsync(ct) ?? throw NotFound();
        return await ViewAsync(next, forum, insider: true, ct);
    }

    private async Task<InvitationView> ViewAsync(PlannedMeetingRow planned, ForumRow forum, bool insider, CancellationToken ct)
    {
        var people = insider
            ? await db.ForumMembers.AsNoTracking().Where(m => m.ForumId == forum.Id).OrderBy(m => m.Kind).ThenBy(m => m.DisplayName)
                .Select(m => new InvitedPerson(m.DisplayName, m.Picture, m.Kind, m.RoleWords)).ToListAsync(ct)
            : [];
        var isVideo = Uri.TryCreate(planned.Place, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http";
        return new InvitationView(forum.Name, planned.StartsAt, planned.Place, isVideo, planned.About, planned.InvitationPublic,
            planned.MeetingId, people, await LastIdeas.ForAsync(db, store, planned, insider, ct));
    }

    private static CommandException NotFound() =>
        new(ForumErrorCodes.InvitationNotFound, "We could not find this invitation. Please ask the facilitator for the link.", StatusCodes.Status404NotFound);
}
