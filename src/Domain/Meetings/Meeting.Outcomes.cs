using ForumHub.Domain.Rules;

namespace ForumHub.Domain.Meetings;

public sealed partial class Meeting
{
    /// <summary>Records what was decided and who really decided it (the Camden step), so minutes stay honest.</summary>
    public Decision RecordDecision(Guid actorId, Guid decisionId, Guid? itemId, string text, ParticipationLevel level, Guid? pollId)
    {
        Actor(actorId, Role.Facilitator);
        Check(MeetingRules.PhaseMustBeOneOf(Phase, Phase.Agenda, Phase.Items));
        if (itemId is { } item) Check(MeetingRules.ItemMustExist(FindItem(item)));
        if (pollId is { } poll)
        {
            Check(MeetingRules.PollMustExist(FindPoll(poll)));
            Check(MeetingRules.PollMustBeClosed(FindPoll(poll)!));
        }
        var clean = TextRules.Clean(text, Limits.Decision, "decision");
        Raise(new DecisionRecorded(decisionId, itemId, clean, level, pollId));
        return _decisions[^1];
    }

    /// <summary>Every action gets an owner. The owner may be a listener, who then reports back ("You said, we did").</summary>
    public MeetingAction AddAction(Guid actorId, Guid actionId, Guid? itemId, string what, Guid ownerId, Guid? supporterId, DateOnly? dueDate,
        Guid? fromResponseId, DateOnly today)
    {
        Actor(actorId, Role.Facilitator);
        Check(MeetingRules.PhaseMustBeOneOf(Phase, Phase.Agenda, Phase.Items));
        if (itemId is { } item) Check(MeetingRules.ItemMustExist(FindItem(item)));
        var clean = TextRules.Clean(what, Limits.ActionWhat, "action");
        RequirePerson(ownerId);
        if (supporterId is { } helper) RequirePerson(helper);
        if (fromResponseId is { } response) Check(MeetingRules.ResponseMustExist(_responses.Find(r => r.Id == response)));
        Check(MeetingRules.DueDateNotInPast(dueDate, today));
        Raise(new ActionAdded(actionId, itemId, clean, ownerId, supporterId, dueDate, fromResponseId));
        return _actions[^1];
    }

    /// <summary>
    /// The facilitator or the action's owner marks it done (or dropped), also after the meeting closed:
    /// that is when most actions get done ("You said, we did").
    /// </summary>
    public void SetActionStatus(Guid actorId, Guid actionId, ActionStatus status)
    {
        var actor = Actor(actorId, Role.Facilitator, Role.Member, Role.Listener, Role.Supporter);
        var action = _actions.Find(a => a.Id == actionId);
        Check(MeetingRules.ActionMustExist(action));
        Check(BusinessRule.When(actor.Role != Role.Facilitator && action!.OwnerId != actorId, ErrorCodes.NotAllowed,
            "Only the person who owns this action, or the facilitator, can change it."));
        Raise(new ActionStatusChanged(actionId, status));
    }

    /// <summary>Listeners speak only when invited: the facilitator hands them the floor.</summary>
    public void InviteListener(Guid actorId, Guid listenerId, Guid? itemId)
    {
        Actor(actorId, Role.Facilitator);
        Check(MeetingRules.PhaseMustBeOneOf(Phase, Phase.Gathering, Phase.Agenda, Phase.Items));
        var listener = RequirePerson(listenerId);
        Check(MeetingRules.MustBeAListener(listener), MeetingRules.ListenerNotAlreadyInvited(_invitedListeners.ContainsKey(listenerId)));
        if (itemId is { } item) Check(MeetingRules.ItemMustExist(FindItem(item)));
        Raise(new ListenerInvited(listenerId, itemId));
    }

    /// <summary>An invited listener responds once; the invitation is then used up.</summary>
    public ListenerResponse Respond(Guid actorId, Guid responseId, string text, Guid? itemId)
    {
        Actor(actorId, Role.Listener);
        Check(MeetingRules.MeetingMustBeOpen(Phase), MeetingRules.ListenerMustBeInvited(_invitedListeners.ContainsKey(actorId)));
        if (itemId is { } item) Check(MeetingRules.ItemMustExist(FindItem(item)));
        var clean = TextRules.Clean(text, Limits.Response, "response");
        // Filed under the item named, else the one they were asked about, else the one being discussed.
        Raise(new ListenerResponded(responseId, actorId, itemId ?? _invitedListeners[actorId] ?? CurrentItem?.Id, clean));
        return _responses[^1];
    }

    private Participant RequirePerson(Guid id)
    {
        var person = FindParticipant(id);
        Check(MeetingRules.ParticipantMustExist(person));
        Check(MeetingRules.ParticipantMustNotBeRemoved(person!),
            BusinessRule.When(person!.Role == Role.Screen, ErrorCodes.ParticipantNotFound, "A screen cannot do this."));
        return person;
    }
}
