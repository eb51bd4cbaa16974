using ForumHub.Domain.Meetings;
using ForumHub.Domain.Rules;

namespace ForumHub.Domain.Tests;

/// <summary>Roles in a meeting: the facilitator gives and takes chair, timekeeper, note-taker and welcome.</summary>
public class RoleTests
{
    [Fact]
    public void The_facilitator_gives_a_member_several_roles_and_takes_one_back()
    {
        var t = TestMeeting.InGathering();
        t.Do(m => m.GiveRole(t.F, t.Cast.Member1, MeetingRole.Welcome, t.Now));
        t.Do(m => m.GiveRole(t.F, t.Cast.Member1, MeetingRole.Chair, t.Now));
        var given = Assert.IsType<MeetingRoleGiven>(t.History[^1]);
        Assert.Equal((t.Cast.Member1, MeetingRole.Chair, t.F, t.Now), (given.ParticipantId, given.Role, given.GivenById, given.At));
        Assert.Equal([MeetingRole.Chair, MeetingRole.Welcome], t.Meeting.FindParticipant(t.Cast.Member1)!.Roles);
        Assert.Equal(t.Cast.Member1, t.Meeting.HolderOf(MeetingRole.Chair)?.Id);

        t.Do(m => m.TakeRole(t.F, t.Cast.Member1, MeetingRole.Chair, t.Now));
        var taken = Assert.IsType<MeetingRoleTaken>(t.History[^1]);
        Assert.Equal((t.Cast.Member1, MeetingRole.Chair, t.F), (taken.ParticipantId, taken.Role, taken.TakenById));
        Assert.Equal([MeetingRole.Welcome], t.Meeting.FindParticipant(t.Cast.Member1)!.Roles);
        Assert.Null(t.Meeting.HolderOf(MeetingRole.Chair));
    }

    [Fact]
    public void One_person_holds_a_role_at_a_time_until_the_facilitator_takes_it_from_them()
    {
        var t = TestMeeting.InItems();
        t.Do(m => m.GiveRole(t.F, t.Cast.Member1, MeetingRole.Chair, t.Now));

        t.Refuses(ErrorCodes.RoleTaken, m => m.GiveRole(t.F, t.Cast.Member2, MeetingRole.Chair, t.Now));
        t.Refuses(ErrorCodes.AlreadyHasRole, m => m.GiveRole(t.F, t.Cast.Member1, MeetingRole.Chair, t.Now));
        t.Refuses(ErrorCodes.RoleNotHeld, m => m.TakeRole(t.F, t.Cast.Member2, MeetingRole.Chair, t.Now));
        t.Refuses(ErrorCodes.RoleNotHeld, m => m.TakeRole(t.F, t.Cast.Member1, MeetingRole.Timekeeper, t.Now));

        t.Do(m => m.TakeRole(t.F, t.Cast.Member1, MeetingRole.Chair, t.Now));
        t.Do(m => m.GiveRole(t.F, t.Cast.Member2, MeetingRole.Chair, t.Now));
        Assert.Equal(t.Cast.Member2, t.Meeting.HolderOf(MeetingRole.Chair)?.Id);
    }

    [Fact]
    public void Only_the_facilitator_gives_or_takes_a_role()
    {
        var t = TestMeeting.InGathering();
        t.Do(m => m.GiveRole(t.F, t.Cast.Member2, MeetingRole.NoteTaker, t.Now));
        foreach (var who in new[] { t.Cast.Member1, t.Cast.Supporter, t.Cast.Listener, t.Cast.Screen })
        {
            t.Refuses(ErrorCodes.NotAllowed, m => m.GiveRole(who, t.Cast.Member1, MeetingRole.Chair, t.Now));
            t.Refuses(ErrorCodes.NotAllowed, m => m.TakeRole(who, t.Cast.Member2, MeetingRole.NoteTaker, t.Now));
        }
    }

    [Fact]
    public void Roles_go_to_members_who_are_in_the_meeting()
    {
        var t = TestMeeting.InGathering();
        t.Refuses(ErrorCodes.ParticipantNotFound, m => m.GiveRole(t.F, TestCast.Unknown, MeetingRole.Chair, t.Now));
        t.Refuses(ErrorCodes.ParticipantNotFound, m => m.TakeRole(t.F, TestCast.Unknown, MeetingRole.Chair, t.Now));
        foreach (var notMember in new[] { t.F, t.Cast.Supporter, t.Cast.Listener, t.Cast.Screen })
            t.Refuses(ErrorCodes.NotAMember, m => m.GiveRole(t.F, notMember, MeetingRole.Timekeeper, t.Now));

        t.Do(m => m.Remove(t.F, t.Cast.Member3));
        t.Refuses(ErrorCodes.ParticipantRemoved, m => m.GiveRole(t.F, t.Cast.Member3, MeetingRole.Chair, t.Now));
        t.Refuses(ErrorCodes.ParticipantRemoved, m => m.TakeRole(t.F, t.Cast.Member3, MeetingRole.Chair, t.Now));
    }

    [Fact]
    public void Removing_a_person_frees_their_roles_for_someone_else()
    {
        var t = TestMeeting.InGathering();
        t.Do(m => m.GiveRole(t.F, t.Cast.Member3, MeetingRole.Chair, t.Now));
        t.Do(m => m.Remove(t.F, t.Cast.Member3));

        Assert.Empty(t.Meeting.FindParticipant(t.Cast.Member3)!.Roles);
        t.Do(m => m.GiveRole(t.F, t.Cast.Member1, MeetingRole.Chair, t.Now));
        Assert.Equal(MeetingSnapshot.Of(t.Meeting), MeetingSnapshot.Of(Meeting.Replay(t.History)));
    }

    [Fact]
    public void No_role_changes_once_the_meeting_is_closed()
    {
        var t = TestMeeting.InItems();
        t.Do(m => m.GiveRole(t.F, t.Cast.Member1, MeetingRole.Chair, t.Now));
        t.Do(m => m.MoveTo(t.F, Phase.Closed, t.Now));

        t.Refuses(ErrorCodes.MeetingClosed, m => m.GiveRole(t.F, t.Cast.Member2, MeetingRole.Welcome, t.Now));
        t.Refuses(ErrorCodes.MeetingClosed, m => m.TakeRole(t.F, t.Cast.Member1, MeetingRole.Chair, t.Now));
        Assert.Equal([MeetingRole.Chair], t.Meeting.FindParticipant(t.Cast.Member1)!.Roles);
    }
}
