using ForumHub.Api.Infrastructure;
using ForumHub.Api.Persistence;
using ForumHub.Domain.Meetings;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Features.Forums;

/// <summary>
/// "What happened to your last ideas" on the invitation: the items of the forum's previous meeting and where each one
/// is now. Status: talkedAbout (finished in that meeting), notChosen (proposed, not on the agenda), onAgenda (chosen
/// again for a later meeting), or its follow-up status (notYet, stuck, done, dropped). EasyRead: short sentences with
/// no names, so the same words can go on a public invitation.
/// </summary>
public sealed record LastIdeasView(DateOnly HeldOn, IReadOnlyList<string> EasyRead, IReadOnlyList<LastIdea> Ideas);

public sealed record LastIdea(string Title, string? Picture, string Status, IReadOnlyList<string> EasyRead);

public static class LastIdeas
{
    /// <summary>Enough for one page; a long agenda shows its first ideas.</summary>
    public const int Limit = 20;

    /// <summary>
    /// The forum's newest closed meeting that began before the planned one (never the planned meeting itself); null when
    /// there is none, or its data was deleted by the retention rule. Drop reasons are the facilitator's own words and may
    /// name someone: only insiders get them.
    /// </summary>
    public static async Task<LastIdeasView?> ForAsync(ForumDbContext db, MeetingStore store, PlannedMeetingRow planned, bool insider, CancellationToken ct)
    {
        var previous = await (from o in db.MeetingOwners
                              join m in db.Meetings on o.MeetingId equals m.Id
                              where o.ForumId == planned.ForumId && m.ClosedAt != null && m.CreatedAt < planned.StartsAt && m.Id != planned.MeetingId
                              orderby m.CreatedAt descending
                              select m.Id).FirstOrDefaultAsync(ct);
        if (previous == Guid.Empty || await store.LoadAsync(previous, ct) is not { } loaded) return null;
        var meeting = loaded.Meeting;
        var items = meeting.Items.Take(Limit).ToList();
        var ids = items.Select(i => i.Id).ToList();
        var followUps = await db.FollowUps.AsNoTracking().Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, ct);
        var heldOn = EasyReadDates.UkDate(meeting.CreatedAt);
        var ideas = items.Select(i => Idea(i, followUps.GetValueOrDefault(i.Id), insider)).ToList();
        List<string> intro = [$"We last met on {EasyReadDates.FullDate(heldOn)}.",
            ideas.Count == 0 ? "There were no ideas for the agenda." : $"We had {ideas.Count} {(ideas.Count == 1 ? "idea" : "ideas")}. Here is what happened."];
        return new LastIdeasView(heldOn, intro, ideas);
    }

    private static LastIdea Idea(AgendaItem item, FollowUpRow? followUp, bool insider)
    {
        var (status, words) = item.Status switch
        {
            ItemStatus.Done => ("talkedAbout", "We talked about it."),
            ItemStatus.CarriedForward when followUp?.AgendaItemId is not null => ("onAgenda", "It was on the agenda again."),
            ItemStatus.CarriedForward when followUp is not null => FollowUpWords(followUp, insider),
            ItemStatus.CarriedForward => ("notYet", "We will talk about it next time."),
            _ => ("notChosen", "It was not on the agenda this time."),
        };
        return new LastIdea(item.Title, item.Picture, status, [words]);
    }

    private static (string Status, string Words) FollowUpWords(FollowUpRow f, bool insider) => Enum.Parse<FollowUpStatus>(f.Status) switch
    {
        FollowUpStatus.Done => ("done", "It is done."),
        FollowUpStatus.Stuck => ("stuck", "It is stuck. We will talk about it."),
        FollowUpStatus.Dropped => ("dropped", insider && f.DropReason is { } why ? $"We stopped it. Why: {End(why)}" : "We stopped it."),
        _ => ("notYet", "We will talk about it next time."),
    };

    private static string End(string text) => text.TrimEnd() is var t && (t.EndsWith('.') || t.EndsWith('!') || t.EndsWith('?')) ? t : t + ".";
}
