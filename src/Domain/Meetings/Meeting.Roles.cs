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
        var person = Holder(participantId);
        Check(MeetingRules.MustNotHoldRole(person, role), MeetingRules.RoleMustBeFree(HolderOf(role), person));
        Raise(new MeetingRoleGiven(participantId, role, actorId, now));
    }

    public void TakeRole(Guid actorId, Guid participantId, MeetingRole role, DateTimeOffset now)
    {
        Actor(actorId, Role.Facilitator);
        Check(MeetingRules.MeetingMustBeOpen(Phase));
        var person = FindParticipant(participantId);
        Check(MeetingRules.ParticipantMustExist(person));
        Check(MeetingRules.ParticipantMustNotBeRemoved(person!), MeetingRules.MustHoldRole(person!, role));
        Raise(new MeetingRoleTaken(participantId, role, actorId, now));
    }

    /// <summary>The person to give a role to: in the meeting, not removed, and a member (roles are members' jobs).</summary>
    private Participant Holder(Guid participantId)
    {
        var person = FindParticipant(participantId);
        Check(MeetingRules.ParticipantMustExist(person));
        Check(MeetingRules.ParticipantMustNotBeRemoved(person!), MeetingRules.MustBeAMember(person!));
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
