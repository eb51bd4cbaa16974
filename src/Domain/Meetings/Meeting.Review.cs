using ForumHub.Domain.Rules;

namespace ForumHub.Domain.Meetings;

/// <summary>
/// The carry-forward review: a new meeting of a forum opens with what earlier meetings left open (items carried
/// forward, open actions, listeners' responses). It runs in the gathering phase, before the two questions, until the
/// facilitator finishes it; a meeting with nothing to review never has one. The owner or the facilitator sets each
/// one's picture status; the facilitator puts the ones the group chooses on the new agenda.
/// </summary>
public sealed partial class Meeting
{
    private readonly List<ReviewItem> _review = [];
    private bool _reviewFinished;

    public IReadOnlyList<ReviewItem> Review => _review;
    /// <summary>True while the review is the meeting's first step: there is something to review and it was not finished.</summary>
    public bool ReviewOpen => _review.Count > 0 && !_reviewFinished && Phase == Phase.Gathering;
    public ReviewItem? FindReviewItem(Guid followUpId) => _review.Find(r => r.FollowUpId == followUpId);

    /// <summary>Called once, when the meeting is created, with the forum's open follow-ups (none: no review).</summary>
    public void PrepareReview(IReadOnlyList<ReviewEntry> entries)
    {
        if (_review.Count > 0 || Phase != Phase.Gathering) throw new InvalidOperationException("A review is prepared only when the meeting is created.");
        if (entries.Count == 0) return;
        Raise(new ReviewPrepared(entries));
    }

    /// <summary>Done, not yet, stuck, or dropped (with a reason); Note is the progress ("I wrote to the bus company").</summary>
    public ReviewItem SetFollowUpStatus(Guid actorId, Guid followUpId, FollowUpStatus status, string? reason, string? note, DateTimeOffset now)
    {
        var actor = Actor(actorId, Role.Facilitator, Role.Member, Role.Supporter, Role.Listener);
        Check(MeetingRules.PhaseMustBeOneOf(Phase, Phase.Gathering, Phase.Agenda, Phase.Items));
        var item = FindReviewItem(followUpId);
        Check(ReviewRules.FollowUpMustExist(item));
        Check(ReviewRules.OwnerOrFacilitator(actor, item!.Entry), ReviewRules.NotOnAgenda(item));
        var cleanReason = status == FollowUpStatus.Dropped ? TextRules.CleanOptional(reason, ReviewRules.ReasonLimit, "reason") : null;
        Check(ReviewRules.ReasonWhenDropped(status, cleanReason));
        var cleanNote = TextRules.CleanOptional(note, ReviewRules.NoteLimit, "progress note");
        Raise(new FollowUpStatusSet(followUpId, status, cleanReason, cleanNote, actor.Id, now));
        return item;
    }

    /// <summary>The group chose it for this meeting: it becomes a proposed agenda item (agreed later like any other).</summary>
    public AgendaItem PutFollowUpOnAgenda(Guid actorId, Guid followUpId, Guid itemId)
    {
        Actor(actorId, Role.Facilitator);
        Check(MeetingRules.PhaseMustBeOneOf(Phase, Phase.Gathering, Phase.Agenda));
        var item = FindReviewItem(followUpId);
        Check(ReviewRules.FollowUpMustExist(item));
        Check(ReviewRules.NotOnAgenda(item!), ReviewRules.NotClosed(item!));
        var entry = item!.Entry;
        // An item keeps its words; an action or response goes on the agenda as what it was about.
        var words = entry.Kind == FollowUpKind.Item ? entry.Text : entry.About ?? entry.Text;
        var title = words.Length <= Limits.Title ? words : words[..(Limits.Title - 3)].TrimEnd() + "...";
        Raise(new FollowUpPutOnAgenda(followUpId, itemId, title, entry.Picture, actorId));
        return FindItem(itemId)!;
    }

    public void FinishReview(Guid actorId, DateTimeOffset now)
    {
        Actor(actorId, Role.Facilitator);
        Check(MeetingRules.PhaseMustBeOneOf(Phase, Phase.Gathering), ReviewRules.ReviewMustBeOpen(ReviewOpen));
        Raise(new ReviewFinished(now));
    }

    private void ApplyReview(IMeetingEvent e)
    {
        switch (e)
        {
            case ReviewPrepared p: _review.AddRange(p.Items.Select(i => new ReviewItem(i))); break;
            case FollowUpStatusSet s:
                var item = FindReviewItem(s.FollowUpId)!;
                item.Status = s.Status;
                item.DropReason = s.Reason;
                if (s.Note is not null) item.Note = s.Note;
                break;
            case FollowUpPutOnAgenda a:
                _items.Add(new AgendaItem(a.ItemId, a.Title, a.Picture, a.ChosenById, a.ChosenById, null));
                FindReviewItem(a.FollowUpId)!.AgendaItemId = a.ItemId;
                break;
            case ReviewFinished: _reviewFinished = true; break;
        }
    }
}
