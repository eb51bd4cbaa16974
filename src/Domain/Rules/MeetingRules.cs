using ForumHub.Domain.Meetings;

namespace ForumHub.Domain.Rules;

/// <summary>Every rule of a meeting as a named check. Messages are short, plain words for the person who tried.</summary>
public static class MeetingRules
{
    public static BusinessRule ParticipantMustExist(Participant? participant) =>
        BusinessRule.When(participant is null, ErrorCodes.ParticipantNotFound, "We could not find that person in this meeting.");

    public static BusinessRule ParticipantMustNotBeRemoved(Participant participant) =>
        BusinessRule.When(participant.Removed, ErrorCodes.ParticipantRemoved, "This person has left the meeting.");

    public static BusinessRule ParticipantMustBeNew(Participant? existing) =>
        BusinessRule.When(existing is not null, ErrorCodes.AlreadyJoined, "This person is already in the meeting.");

    public static BusinessRule RoleMustBeOneOf(Participant actor, Role[] roles) =>
        BusinessRule.When(!roles.Contains(actor.Role), ErrorCodes.NotAllowed, "You cannot do this in your role.");

    public static BusinessRule MeetingMustBeOpen(Phase phase) =>
        BusinessRule.When(phase == Phase.Closed, ErrorCodes.MeetingClosed, "The meeting has finished.");

    public static BusinessRule PhaseMustBeOneOf(Phase phase, params Phase[] allowed) =>
        BusinessRule.When(!allowed.Contains(phase), phase == Phase.Closed ? ErrorCodes.MeetingClosed : ErrorCodes.WrongPhase,
            phase == Phase.Closed ? "The meeting has finished." : "You cannot do this now. The meeting is at another step.");

    public static BusinessRule PhaseMustMoveForward(Phase from, Phase to) =>
        BusinessRule.When(to != Phase.Closed && to != from + 1, ErrorCodes.PhaseOrder,
            "The meeting can only go to its next step.");

    public static BusinessRule AgendaMustHaveItems(int agreedCount) =>
        BusinessRule.When(agreedCount == 0, ErrorCodes.AgendaEmpty, "Please agree at least 1 item first.");

    public static BusinessRule MustBeAMember(Participant person) =>
        BusinessRule.When(!person.CanVote, ErrorCodes.NotAMember, "This person is not a member of the forum.");

    /// <summary>
    /// A member acts for themself; a supporter only with their own member or a member without a device they help;
    /// the facilitator with anyone.
    /// </summary>
    public static BusinessRule MayActFor(Participant actor, Participant member) =>
        BusinessRule.When(actor.Id != member.Id && actor.Role != Role.Facilitator &&
                          !(actor.Role == Role.Supporter && (actor.SupportsMemberId == member.Id || member.HelperId == actor.Id)),
            ErrorCodes.NotYourMember, "You can only do this for yourself or the person you support.");

    public static BusinessRule SupporterMustNameMember(Participant actor, Guid? forId) =>
        BusinessRule.When(actor.Role == Role.Supporter && forId is null, ErrorCodes.SupporterNeedsMember,
            "Please choose the person you support.");

    public static BusinessRule AnswerMustExist(Answer? answer) =>
        BusinessRule.When(answer is null, ErrorCodes.AnswerNotFound, "We could not find that answer.");

    public static BusinessRule AnswerMustNotBePromoted(Answer answer) =>
        BusinessRule.When(answer.PromotedToItemId is not null, ErrorCodes.AnswerAlreadyPromoted, "This answer is already on the list.");

    public static BusinessRule AnswerMustBeAWish(Answer answer) =>
        BusinessRule.When(answer.Question != Question.WhatDoYouWantToDo, ErrorCodes.WrongQuestion,
            "Only answers to \"What do you want to do?\" can become items.");

    public static BusinessRule ItemMustExist(AgendaItem? item) =>
        BusinessRule.When(item is null, ErrorCodes.ItemNotFound, "We could not find that item.");

    public static BusinessRule ItemStatusMustBe(AgendaItem item, params ItemStatus[] allowed) =>
        BusinessRule.When(!allowed.Contains(item.Status), ErrorCodes.ItemWrongStatus, "You cannot do this with this item now.");

    public static BusinessRule NoOtherItemInProgress(AgendaItem? current) =>
        BusinessRule.When(current is not null, ErrorCodes.ItemInProgress, "Please finish the item you are on first.");

    public static BusinessRule AgendaMustBeValid(bool valid) =>
        BusinessRule.When(!valid, ErrorCodes.AgendaInvalid, "The agenda must list proposed items, each once.");

    public static BusinessRule PollMustExist(Poll? poll) =>
        BusinessRule.When(poll is null, ErrorCodes.PollNotFound, "We could not find that vote.");

    public static BusinessRule PollMustBeOpen(Poll poll) =>
        BusinessRule.When(poll.Status != PollStatus.Open, ErrorCodes.PollClosed, "This vote has closed.");

    public static BusinessRule NoOtherPollOpen(Poll? open) =>
        BusinessRule.When(open is not null, ErrorCodes.PollAlreadyOpen, "Please close the vote that is open first.");

    public static BusinessRule NoPollLeftOpen(Poll? open) =>
        BusinessRule.When(open is not null, ErrorCodes.PollStillOpen, "Please close the vote first.");

    public static BusinessRule PollMustBeClosed(Poll poll) =>
        BusinessRule.When(poll.Status == PollStatus.Open, ErrorCodes.PollStillOpen, "Please close the vote first.");

    public static BusinessRule PollMustTakeBallots(Poll poll) =>
        BusinessRule.When(poll.Mode != PollMode.Devices, ErrorCodes.PollIsHandCount, "This vote is counted by hands in the room.");

    public static BusinessRule PollMustBeHandCount(Poll poll) =>
        BusinessRule.When(poll.Mode != PollMode.HandCount, ErrorCodes.PollNotHandCount, "This vote is done on phones, not by hands.");

    public static BusinessRule OptionMustExist(Poll poll, string? optionId) =>
        BusinessRule.When(optionId is null || !poll.HasOption(optionId), ErrorCodes.OptionNotFound, "That is not one of the choices.");

    public static BusinessRule OneBallotPerMember(Poll poll, Guid memberId) =>
        BusinessRule.When(poll.HasVoted(memberId), ErrorCodes.AlreadyVoted, "This vote is already counted.");

    public static BusinessRule OptionsMustBeValid(bool valid) =>
        BusinessRule.When(!valid, ErrorCodes.OptionsInvalid,
            $"A vote needs {Limits.MinOptions} to {Limits.MaxOptions} different choices.");

    public static BusinessRule HandCountMustBeValid(bool valid) =>
        BusinessRule.When(!valid, ErrorCodes.HandCountInvalid, "Please give a count from 0 for each choice.");

    public static BusinessRule DueDateNotInPast(DateOnly? due, DateOnly today) =>
        BusinessRule.When(due is { } d && d < today, ErrorCodes.DueDateInPast, "The date is in the past. Please pick a later date.");

    public static BusinessRule ActionMustExist(MeetingAction? action) =>
        BusinessRule.When(action is null, ErrorCodes.ActionNotFound, "We could not find that action.");

    public static BusinessRule MustBeAListener(Participant person) =>
        BusinessRule.When(person.Role != Role.Listener, ErrorCodes.NotAListener, "Only listeners are invited to respond.");

    public static BusinessRule ListenerMustBeInvited(bool invited) =>
        BusinessRule.When(!invited, ErrorCodes.ListenerNotInvited, "Please wait until the facilitator asks you to respond.");

    public static BusinessRule ListenerNotAlreadyInvited(bool invited) =>
        BusinessRule.When(invited, ErrorCodes.AlreadyInvited, "This listener is already asked to respond.");

    public static BusinessRule ResponseMustExist(ListenerResponse? response) =>
        BusinessRule.When(response is null, ErrorCodes.ResponseNotFound, "We could not find that response.");

    public static BusinessRule CardNotAlreadyRaised(bool raised) =>
        BusinessRule.When(raised, ErrorCodes.CardAlreadyRaised, "Your card is already up.");

    public static BusinessRule CardMustExist(Card? card) =>
        BusinessRule.When(card is null, ErrorCodes.CardNotFound, "We could not find that card.");

    public static BusinessRule CardMustBeRaised(Card card) =>
        BusinessRule.When(!card.IsRaised, ErrorCodes.CardAlreadyCleared, "This card is already down.");

    // ---- Members without a device --------------------------------------------------------------------------------

    /// <summary>Two people with the same name cannot be told apart when someone enters or votes for one of them.</summary>
    /// <summary>A forum's standing member is one person in the meeting, however they came (card, or added from the list).</summary>
    public static BusinessRule ForumMemberMustBeNew(IEnumerable<Participant> present, Guid? forumMemberId) =>
        BusinessRule.When(forumMemberId is not null && present.Any(p => !p.Removed && p.ForumMemberId == forumMemberId),
            ErrorCodes.AlreadyJoined, "This person is already in the meeting.");

    public static BusinessRule NameMustBeNew(IEnumerable<Participant> present, string name) =>
        BusinessRule.When(present.Any(p => !p.Removed && p.Role != Role.Screen && string.Equals(p.DisplayName, name, StringComparison.OrdinalIgnoreCase)),
            ErrorCodes.NameTaken, $"There is already someone called {name} in this meeting. Please add a letter, like {name} B.");

    public static BusinessRule HelperMustBeASupporter(Participant helper) =>
        BusinessRule.When(helper.Role != Role.Supporter, ErrorCodes.NotASupporter, "The helper must be a supporter in this meeting.");

    /// <summary>A supporter adds only people they help themself.</summary>
    public static BusinessRule SupporterHelpsWhoTheyAdd(Participant actor, Guid? helperId) =>
        BusinessRule.When(actor.Role == Role.Supporter && helperId is { } h && h != actor.Id, ErrorCodes.NotAllowed,
            "You can only add someone you help yourself.");

    public static BusinessRule MustBeWithoutDevice(Participant person) =>
        BusinessRule.When(!person.WithoutDevice, ErrorCodes.HasDevice, "This person already uses their own phone or tablet.");

    /// <summary>The facilitator, or the supporter who helps this member, may give out their take-over code.</summary>
    public static BusinessRule MayGiveTakeOverCode(Participant actor, Participant member) =>
        BusinessRule.When(actor.Role != Role.Facilitator && member.HelperId != actor.Id, ErrorCodes.NotYourMember,
            "You can only do this for the person you help.");

    /// <summary>A take-over code works once, and only while it is the newest code for that member.</summary>
    public static BusinessRule TakeOverCodeMustBeCurrent(Participant member, string codeHash) =>
        BusinessRule.When(!member.WithoutDevice || member.TakeOverCodeHash is null ||
                          !string.Equals(member.TakeOverCodeHash, codeHash, StringComparison.OrdinalIgnoreCase),
            ErrorCodes.CodeUsed, "This code does not work any more. Please ask the facilitator for a new code.");

    // ---- Roles in a meeting (Meeting.Roles.cs) ---------------------------------------------------------------------

    /// <summary>One person holds a role at a time: the facilitator takes it from them first (nothing moves silently).</summary>
    public static BusinessRule RoleMustBeFree(Participant? holder, Participant person) =>
        BusinessRule.When(holder is not null && holder.Id != person.Id, ErrorCodes.RoleTaken,
            $"{holder?.DisplayName} has this role now. Please take it from them first.");

    public static BusinessRule MustNotHoldRole(Participant person, MeetingRole role) =>
        BusinessRule.When(person.Roles.Contains(role), ErrorCodes.AlreadyHasRole, $"{person.DisplayName} has this role already.");

    public static BusinessRule MustHoldRole(Participant person, MeetingRole role) =>
        BusinessRule.When(!person.Roles.Contains(role), ErrorCodes.RoleNotHeld, $"{person.DisplayName} does not have this role.");
}
