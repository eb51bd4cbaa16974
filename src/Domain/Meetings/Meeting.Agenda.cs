using ForumHub.Domain.Rules;

namespace ForumHub.Domain.Meetings;

public sealed partial class Meeting
{
    private static readonly Role[] Answerers = [Role.Member, Role.Facilitator, Role.Supporter, Role.Listener];
    private static readonly Role[] Proposers = [Role.Member, Role.Facilitator, Role.Supporter];

    /// <summary>
    /// Answers one of the two questions. Everyone answers "Why are you here?"; only people who set
    /// the agenda (members, with support if needed) answer "What do you want to do?".
    /// </summary>
    public Answer AnswerQuestion(Guid actorId, Guid answerId, Question question, string text, string? picture, Guid? forMemberId)
    {
        var actor = Actor(actorId, question == Question.WhyAreYouHere ? Answerers : Proposers);
        Check(MeetingRules.PhaseMustBeOneOf(Phase, Phase.Gathering));
        // A supporter's own "why" answer needs no member; everything else they enter is with a member.
        var author = question == Question.WhyAreYouHere && actor.Role == Role.Supporter && forMemberId is null
            ? actor
            : OnBehalfOf(actor, forMemberId);
        var clean = TextRules.Clean(text, Limits.Answer, "answer");
        var cleanPicture = TextRules.CleanOptional(picture, Limits.Picture, "picture name");
        Raise(new QuestionAnswered(answerId, question, author.Id, actor.Id, clean, cleanPicture));
        return _answers[^1];
    }

    public AgendaItem ProposeItem(Guid actorId, Guid itemId, string title, string? picture, Guid? forMemberId)
    {
        var actor = Actor(actorId, Proposers);
        Check(MeetingRules.PhaseMustBeOneOf(Phase, Phase.Gathering, Phase.Agenda));
        var proposer = OnBehalfOf(actor, forMemberId);
        var clean = TextRules.Clean(title, Limits.Title, "item");
        var cleanPicture = TextRules.CleanOptional(picture, Limits.Picture, "picture name");
        Raise(new ItemProposed(itemId, clean, cleanPicture, proposer.Id, actor.Id, null));
        return _items[^1];
    }

    /// <summary>Turns a "What do you want to do?" answer into a proposed item, keeping who said it.</summary>
    public AgendaItem PromoteAnswer(Guid actorId, Guid itemId, Guid answerId, string? title)
    {
        Actor(actorId, Role.Facilitator);
        Check(MeetingRules.PhaseMustBeOneOf(Phase, Phase.Gathering, Phase.Agenda));
        var answer = _answers.Find(a => a.Id == answerId);
        Check(MeetingRules.AnswerMustExist(answer));
        Check(MeetingRules.AnswerMustBeAWish(answer!), MeetingRules.AnswerMustNotBePromoted(answer!));
        var clean = TextRules.Clean(string.IsNullOrWhiteSpace(title) ? answer!.Text : title, Limits.Title, "item");
        Raise(new ItemProposed(itemId, clean, answer!.Picture, answer.ParticipantId, actorId, answer.Id));
        return _items[^1];
    }

    /// <summary>The facilitator confirms which proposed items make the agenda, in order.</summary>
    public void AgreeAgenda(Guid actorId, IReadOnlyList<Guid> orderedItemIds)
    {
        Actor(actorId, Role.Facilitator);
        Check(MeetingRules.PhaseMustBeOneOf(Phase, Phase.Agenda));
        var valid = orderedItemIds.Count > 0 && orderedItemIds.Distinct().Count() == orderedItemIds.Count &&
                    orderedItemIds.All(id => FindItem(id)?.Status is ItemStatus.Proposed or ItemStatus.Agreed);
        Check(MeetingRules.AgendaMustBeValid(valid));
        Raise(new AgendaAgreed(orderedItemIds.ToList()));
    }

    public void StartItem(Guid actorId, Guid itemId)
    {
        var item = FacilitatedItem(actorId, itemId);
        Check(MeetingRules.ItemStatusMustBe(item, ItemStatus.Agreed), MeetingRules.NoOtherItemInProgress(CurrentItem));
        Raise(new ItemStarted(itemId));
    }

    public void FinishItem(Guid actorId, Guid itemId)
    {
        var item = FacilitatedItem(actorId, itemId);
        Check(MeetingRules.ItemStatusMustBe(item, ItemStatus.Current));
        Raise(new ItemFinished(itemId));
    }

    /// <summary>Moves an item to the next meeting of the forum without working on it now.</summary>
    public void CarryForward(Guid actorId, Guid itemId)
    {
        var item = FacilitatedItem(actorId, itemId);
        Check(MeetingRules.ItemStatusMustBe(item, ItemStatus.Agreed, ItemStatus.Current));
        Raise(new ItemCarriedForward(itemId));
    }

    public Note AddNote(Guid actorId, Guid noteId, Guid itemId, string text)
    {
        var item = FacilitatedItem(actorId, itemId);
        Check(MeetingRules.ItemStatusMustBe(item, ItemStatus.Current));
        var clean = TextRules.Clean(text, Limits.Note, "note");
        Raise(new NoteAdded(noteId, itemId, clean));
        return item.Notes[^1];
    }

    /// <summary>A facilitator acting on an item while working through the agenda.</summary>
    private AgendaItem FacilitatedItem(Guid actorId, Guid itemId)
    {
        Actor(actorId, Role.Facilitator);
        Check(MeetingRules.PhaseMustBeOneOf(Phase, Phase.Items));
        var item = FindItem(itemId);
        Check(MeetingRules.ItemMustExist(item));
        return item!;
    }
}
