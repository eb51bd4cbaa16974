using ForumHub.Domain.Rules;

namespace ForumHub.Domain.Meetings;

public sealed partial class Meeting
{
    /// <summary>Anyone in the meeting can raise Stop / Slow down / Question / Break; one of each kind at a time.</summary>
    public Card RaiseCard(Guid actorId, Guid cardId, CardKind kind, Guid? forMemberId, DateTimeOffset now)
    {
        var actor = Actor(actorId, Role.Member, Role.Facilitator, Role.Supporter, Role.Listener);
        Check(MeetingRules.MeetingMustBeOpen(Phase));
        var holder = actor.Role == Role.Supporter && forMemberId is null ? actor : OnBehalfOf(actor, forMemberId);
        Check(MeetingRules.CardNotAlreadyRaised(_cards.Any(c => c.IsRaised && c.ParticipantId == holder.Id && c.Kind == kind)));
        Raise(new CardRaised(cardId, holder.Id, kind, now));
        return _cards[^1];
    }

    /// <summary>The facilitator lowers a card once it has been dealt with; a person (or their supporter) may lower their own.</summary>
    public void ClearCard(Guid actorId, Guid cardId)
    {
        var actor = Actor(actorId, Role.Member, Role.Facilitator, Role.Supporter, Role.Listener);
        var card = _cards.Find(c => c.Id == cardId);
        Check(MeetingRules.CardMustExist(card));
        var ownCard = card!.ParticipantId == actorId || (actor.Role == Role.Supporter && actor.SupportsMemberId == card.ParticipantId);
        Check(MeetingRules.CardMustBeRaised(card), BusinessRule.When(actor.Role != Role.Facilitator && !ownCard,
            ErrorCodes.NotAllowed, "Only the facilitator can lower someone else's card."));
        Raise(new CardCleared(cardId, actorId));
    }
}
