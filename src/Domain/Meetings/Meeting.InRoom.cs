using ForumHub.Domain.Rules;

namespace ForumHub.Domain.Meetings;

/// <summary>
/// Members in the room without a phone or tablet. The facilitator (or a supporter) adds them; they are
/// members like everyone else (who came, counts, votes, minutes), and others enter for them through the on-behalf
/// fields (<see cref="OnBehalfOf"/>). Later they may take over on a device of their own with a one-use code: the
/// device joins AS that member, so everything entered for them stays theirs.
/// </summary>
public sealed partial class Meeting
{
    public Participant AddMemberWithoutDevice(Guid actorId, Guid participantId, string displayName, string? picture, Guid? helperId, DateTimeOffset now,
        Guid? forumMemberId = null)
    {
        var actor = Actor(actorId, Role.Facilitator, Role.Supporter);
        Check(MeetingRules.MeetingMustBeOpen(Phase), MeetingRules.ParticipantMustBeNew(FindParticipant(participantId)),
            MeetingRules.SupporterHelpsWhoTheyAdd(actor, helperId), MeetingRules.ForumMemberMustBeNew(_participants.Values, forumMemberId));
        var name = TextRules.Clean(displayName, Limits.DisplayName, "name");
        var cleanPicture = TextRules.CleanOptional(picture, Limits.Picture, "picture name");
        Check(MeetingRules.NameMustBeNew(_participants.Values, name));
        // A supporter who adds someone is the one who helps them; the facilitator may name a supporter, or nobody.
        var helper = actor.Role == Role.Supporter ? actor.Id : helperId;
        if (actor.Role == Role.Facilitator && helperId is { } id)
        {
            var person = FindParticipant(id);
            Check(MeetingRules.ParticipantMustExist(person));
            Check(MeetingRules.ParticipantMustNotBeRemoved(person!), MeetingRules.HelperMustBeASupporter(person!));
        }
        Raise(new ParticipantJoined(participantId, name, Role.Member, cleanPicture, null, now,
            WithoutDevice: true, HelperId: helper, AddedById: actor.Id, ForumMemberId: forumMemberId));
        return _participants[participantId];
    }

    /// <summary>Gives out a new take-over code for a member without a device (the last one stops working).</summary>
    public void IssueTakeOverCode(Guid actorId, Guid memberId, string codeHash, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(codeHash);
        var actor = Actor(actorId, Role.Facilitator, Role.Supporter);
        Check(MeetingRules.MeetingMustBeOpen(Phase));
        var member = FindParticipant(memberId);
        Check(MeetingRules.ParticipantMustExist(member));
        Check(MeetingRules.ParticipantMustNotBeRemoved(member!), MeetingRules.MustBeWithoutDevice(member!),
            MeetingRules.MayGiveTakeOverCode(actor, member!));
        Raise(new TakeOverCodeIssued(memberId, codeHash, actorId, now));
    }

    /// <summary>The member's own device takes over with the code: the same participant, so their entries stay theirs.</summary>
    public Participant TakeOver(Guid memberId, string codeHash, DateTimeOffset now)
    {
        Check(MeetingRules.MeetingMustBeOpen(Phase));
        var member = FindParticipant(memberId);
        Check(MeetingRules.ParticipantMustExist(member));
        Check(MeetingRules.ParticipantMustNotBeRemoved(member!), MeetingRules.TakeOverCodeMustBeCurrent(member!, codeHash));
        Raise(new MemberTookOver(memberId, now));
        return member!;
    }
}
