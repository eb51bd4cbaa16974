using ForumHub.Domain.Rules;

namespace ForumHub.Domain.Meetings;

public sealed partial class Meeting
{
    /// <summary>
    /// Adds a person. Which roles a code may join as is decided by the caller (join code vs listener code); a forum card
    /// names the forum member (<paramref name="forumMemberId"/>), who can be in the meeting only once.
    /// </summary>
    public Participant Join(Guid participantId, string displayName, Role role, string? picture, Guid? supportsMemberId, DateTimeOffset now,
        Guid? forumMemberId = null)
    {
        Check(MeetingRules.MeetingMustBeOpen(Phase), MeetingRules.ParticipantMustBeNew(FindParticipant(participantId)),
            MeetingRules.ForumMemberMustBeNew(_participants.Values, forumMemberId));
        var name = TextRules.Clean(displayName, Limits.DisplayName, "name");
        var cleanPicture = TextRules.CleanOptional(picture, Limits.Picture, "picture name");
        if (role == Role.Supporter)
        {
            Check(BusinessRule.When(supportsMemberId is null, ErrorCodes.SupporterNeedsMember, "Please choose the person you support."));
            var member = FindParticipant(supportsMemberId!.Value);
            Check(MeetingRules.ParticipantMustExist(member));
            Check(MeetingRules.ParticipantMustNotBeRemoved(member!), BusinessRule.When(member!.Role != Role.Member,
                ErrorCodes.NotAMember, "A supporter joins with a member of the forum."));
        }
        Raise(new ParticipantJoined(participantId, name, role, cleanPicture, role == Role.Supporter ? supportsMemberId : null, now,
            ForumMemberId: forumMemberId));
        return _participants[participantId];
    }

    /// <summary>The facilitator removes someone; their access stops and they cannot act again.</summary>
    public void Remove(Guid actorId, Guid participantId)
    {
        Actor(actorId, Role.Facilitator);
        var person = FindParticipant(participantId);
        Check(MeetingRules.ParticipantMustExist(person));
        Check(MeetingRules.ParticipantMustNotBeRemoved(person!),
            BusinessRule.When(person!.Id == actorId, ErrorCodes.NotAllowed, "You cannot remove yourself."));
        Raise(new ParticipantRemoved(participantId));
    }

    /// <summary>Moves the meeting to its next phase, or closes it from any phase.</summary>
    public void MoveTo(Guid actorId, Phase to, DateTimeOffset now)
    {
        Actor(actorId, Role.Facilitator);
        Check(MeetingRules.MeetingMustBeOpen(Phase), MeetingRules.PhaseMustMoveForward(Phase, to));
        if (to == Phase.Items) Check(MeetingRules.AgendaMustHaveItems(_items.Count(i => i.Status == ItemStatus.Agreed)));
        if (to == Phase.Closed)
        {
            Check(MeetingRules.NoPollLeftOpen(ActivePoll));
            // Unfinished agreed items go to the next meeting of the forum ("tell your story once").
            foreach (var item in _items.Where(i => i.Status is ItemStatus.Agreed or ItemStatus.Current).ToList())
                Raise(new ItemCarriedForward(item.Id));
        }
        Raise(new PhaseChanged(Phase, to, now));
    }

    /// <summary>
    /// Who the action is really for: the actor themself, or (with support) the named member.
    /// Supporters must name their member; facilitators may name anyone who can vote.
    /// </summary>
    private Participant OnBehalfOf(Participant actor, Guid? forId)
    {
        // A supporter naming themself has not named a member.
        Check(MeetingRules.SupporterMustNameMember(actor, forId == actor.Id ? null : forId));
        if (forId is null || forId == actor.Id) return actor;
        var member = FindParticipant(forId.Value);
        Check(MeetingRules.ParticipantMustExist(member));
        Check(MeetingRules.ParticipantMustNotBeRemoved(member!), MeetingRules.MustBeAMember(member!), MeetingRules.MayActFor(actor, member!));
        return member!;
    }
}
