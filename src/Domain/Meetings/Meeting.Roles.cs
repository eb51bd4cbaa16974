using ForumHub.Domain.Rules;

namespace ForumHub.Domain.Meetings;

/// <summary>
/// Roles in a meeting (issue 14): the facilitator gives members jobs (chair, timekeeper, note-taker, welcome) so they
/// grow skills and can show it. One person holds a role at a time: giving a role someone else holds is refused
/// (role_taken) until the facilitator takes it from them, so a role never moves without a word. A person may hold
/// several roles. Removing a person frees their roles (applied with ParticipantRemoved, no event of its own).
/// </summary>
public sealed partial class Meeting
{
    /// <summary>Who holds the role now, or null.</summary>
    public Participant? HolderOf(MeetingRole role) => _participants.Values.FirstOrDefault(p => p.Roles.Contains(role));

    public void GiveRole(Guid actorId, Guid participantId, MeetingRole role, DateTimeOffset now)
    {
        Actor(actorId, Role.Facilitator);
        Check(MeetingRules.MeetingMustBeOpen(Phase));
        var person = RolePerson(participantId, MeetingRules.MustBeAMember); // roles are members' jobs
        Check(MeetingRules.MustNotHoldRole(person, role), MeetingRules.RoleMustBeFree(HolderOf(role), person));
        Raise(new MeetingRoleGiven(participantId, role, actorId, now));
    }

    public void TakeRole(Guid actorId, Guid participantId, MeetingRole role, DateTimeOffset now)
    {
        Actor(actorId, Role.Facilitator);
        Check(MeetingRules.MeetingMustBeOpen(Phase));
        RolePerson(participantId, person => MeetingRules.MustHoldRole(person, role));
        Raise(new MeetingRoleTaken(participantId, role, actorId, now));
    }

    /// <summary>
    /// The person a role is given to or taken from: in the meeting, then not removed and `also` (a member, to give; holding
    /// the role, to take), checked in that order so each refusal keeps its code.
    /// </summary>
    private Participant RolePerson(Guid participantId, Func<Participant, BusinessRule> also)
    {
        var person = FindParticipant(participantId);
        Check(MeetingRules.ParticipantMustExist(person));
        Check(MeetingRules.ParticipantMustNotBeRemoved(person!), also(person!));
        return person!;
    }

    private void ApplyRoles(IMeetingEvent e)
    {
        switch (e)
        {
            case MeetingRoleGiven g:
                var roles = _participants[g.ParticipantId].HeldRoles;
                roles.Add(g.Role);
                roles.Sort();
                break;
            case MeetingRoleTaken t: _participants[t.ParticipantId].HeldRoles.Remove(t.Role); break;
        }
    }
}
