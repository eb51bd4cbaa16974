namespace ForumHub.Domain.Meetings;

public sealed partial class Meeting
{
    /// <summary>The only place state changes. No checks here: events are facts that already passed them.</summary>
    private void Apply(IMeetingEvent e)
    {
        switch (e)
        {
            case MeetingCreated c: Id = c.MeetingId; Title = c.Title; CreatedAt = c.At; Phase = Phase.Gathering; break;
            case ParticipantJoined j:
                _participants[j.ParticipantId] = new Participant(j.ParticipantId, j.DisplayName, j.Role, j.Picture, j.SupportsMemberId, j.At,
                    j.WithoutDevice, j.HelperId, j.AddedById, j.ForumMemberId);
                break;
            case TakeOverCodeIssued t: _participants[t.ParticipantId].TakeOverCodeHash = t.CodeHash; break;
            case MemberTookOver t:
                _participants[t.ParticipantId].WithoutDevice = false;
                _participants[t.ParticipantId].TakeOverCodeHash = null;
                break;
            case ParticipantRemoved r:
                _participants[r.ParticipantId].Removed = true;
                _participants[r.ParticipantId].HeldRoles.Clear(); // a removed person's roles are free for others
                break;
            case PhaseChanged p: Phase = p.To; break;
            case QuestionAnswered a:
                _answers.Add(new Answer(a.AnswerId, a.Question, a.ParticipantId, a.EnteredById, a.Text, a.Picture));
                break;
            case ItemProposed i:
                _items.Add(new AgendaItem(i.ItemId, i.Title, i.Picture, i.ProposedById, i.EnteredById, i.FromAnswerId));
                if (i.FromAnswerId is { } answerId) _answers.First(x => x.Id == answerId).PromotedToItemId = i.ItemId;
                break;
            case AgendaAgreed a: ApplyAgenda(a); break;
            case ItemStarted s: FindItem(s.ItemId)!.Status = ItemStatus.Current; break;
            case ItemFinished f: FindItem(f.ItemId)!.Status = ItemStatus.Done; break;
            case ItemCarriedForward c: FindItem(c.ItemId)!.Status = ItemStatus.CarriedForward; break;
            case NoteAdded n: FindItem(n.ItemId)!.AddNote(new Note(n.NoteId, n.Text)); break;
            case PollOpened p: _polls.Add(new Poll(p.PollId, p.ItemId, p.Question, p.Options, p.Secret, p.Mode, p.At)); break;
            case BallotCast b: FindPoll(b.PollId)!.AddBallot(new Ballot(b.MemberId, b.EnteredById, b.OptionId)); break;
            case HandCountRecorded h: FindPoll(h.PollId)!.SetHandCounts(h.Counts); break;
            case PollClosed c: ApplyPollClosed(c); break;
            case DecisionRecorded d: _decisions.Add(new Decision(d.DecisionId, d.ItemId, d.Text, d.Level, d.PollId)); break;
            case ActionAdded a:
                _actions.Add(new MeetingAction(a.ActionId, a.ItemId, a.What, a.OwnerId, a.SupporterId, a.DueDate, a.FromResponseId));
                break;
            case ActionStatusChanged s: _actions.First(x => x.Id == s.ActionId).Status = s.Status; break;
            case ListenerInvited i: _invitedListeners[i.ListenerId] = i.ItemId; break;
            case ListenerResponded r:
                _invitedListeners.Remove(r.ListenerId);
                _responses.Add(new ListenerResponse(r.ResponseId, r.ListenerId, r.ItemId, r.Text));
                break;
            case CardRaised c: _cards.Add(new Card(c.CardId, c.ParticipantId, c.Kind, c.At)); break;
            case CardCleared c: _cards.First(x => x.Id == c.CardId).ClearedById = c.ClearedById; break;
            case ReviewPrepared or FollowUpStatusSet or FollowUpPutOnAgenda or ReviewFinished: ApplyReview(e); break;
            case MeetingRoleGiven or MeetingRoleTaken: ApplyRoles(e); break;
            default: throw new InvalidOperationException($"Unknown event {e.GetType().Name}.");
        }
        Version++;
    }

    private void ApplyAgenda(AgendaAgreed agreed)
    {
        // Re-agreeing replaces the order; items left out go back to proposed.
        foreach (var item in _items.Where(i => i.Status == ItemStatus.Agreed))
        {
            item.Status = ItemStatus.Proposed;
            item.Position = null;
        }
        for (var index = 0; index < agreed.ItemIds.Count; index++)
        {
            var item = FindItem(agreed.ItemIds[index])!;
            item.Status = ItemStatus.Agreed;
            item.Position = index + 1;
        }
    }

    private void ApplyPollClosed(PollClosed closed)
    {
        var poll = FindPoll(closed.PollId)!;
        poll.Status = PollStatus.Closed;
        poll.ClosedAt = closed.At;
        poll.EligibleMemberIds = closed.EligibleMemberIds;
    }
}
