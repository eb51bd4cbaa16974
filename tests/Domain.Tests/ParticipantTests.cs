using ForumHub.Domain.Meetings;
using ForumHub.Domain.Rules;

namespace ForumHub.Domain.Tests;

public class ParticipantTests
{
    [Theory]
    [InlineData(Role.Member, true)]
    [InlineData(Role.Facilitator, false)]
    [InlineData(Role.Listener, false)]
    [InlineData(Role.Screen, false)]
    public void Join_adds_a_person_in_their_role_and_only_members_can_vote(Role role, bool canVote)
    {
        var t = TestMeeting.InGathering();
        var id = Guid.NewGuid();

        var person = t.Do(m => m.Join(id, "  Dee  ", role, " star ", null, t.Now));

        Assert.Equal(("Dee", role, "star", canVote, false), (person.DisplayName, person.Role, person.Picture, person.CanVote, person.Removed));
        Assert.Null(person.SupportsMemberId);
        Assert.Same(person, t.Meeting.FindParticipant(id));
    }

    [Fact]
    public void Join_as_supporter_links_the_member_and_gives_no_vote_of_their_own()
    {
        var t = TestMeeting.InGathering();

        var supporter = t.Do(m => m.Join(Guid.NewGuid(), "Pat", Role.Supporter, null, t.Cast.Member2, t.Now));

        Assert.Equal(t.Cast.Member2, supporter.SupportsMemberId);
        Assert.False(supporter.CanVote);
    }

    [Fact]
    public void Join_ignores_a_linked_member_for_roles_other_than_supporter()
    {
        var t = TestMeeting.InGathering();

        var member = t.Do(m => m.Join(Guid.NewGuid(), "Pat", Role.Member, null, t.Cast.Member2, t.Now));

        Assert.Null(member.SupportsMemberId);
    }

    [Fact]
    public void Join_with_the_id_of_someone_already_in_the_meeting_is_refused()
    {
        var t = TestMeeting.InGathering();
        t.Refuses(ErrorCodes.AlreadyJoined, m => m.Join(t.Cast.Member2, "Beth again", Role.Member, null, null, t.Now));
    }

    [Fact]
    public void Join_as_supporter_without_a_member_is_refused()
    {
        var t = TestMeeting.InGathering();
        t.Refuses(ErrorCodes.SupporterNeedsMember, m => m.Join(Guid.NewGuid(), "Pat", Role.Supporter, null, null, t.Now));
    }

    [Fact]
    public void Join_as_supporter_of_an_unknown_person_is_refused()
    {
        var t = TestMeeting.InGathering();
        t.Refuses(ErrorCodes.ParticipantNotFound, m => m.Join(Guid.NewGuid(), "Pat", Role.Supporter, null, TestCast.Unknown, t.Now));
    }

    [Theory]
    [InlineData(Role.Facilitator)]
    [InlineData(Role.Supporter)]
    [InlineData(Role.Listener)]
    [InlineData(Role.Screen)]
    public void Join_as_supporter_of_someone_who_is_not_a_member_is_refused(Role role)
    {
        var t = TestMeeting.InGathering();
        t.Refuses(ErrorCodes.NotAMember, m => m.Join(Guid.NewGuid(), "Pat", Role.Supporter, null, t.Cast.IdOf(role), t.Now));
    }

    [Fact]
    public void Join_as_supporter_of_a_removed_member_is_refused()
    {
        var t = TestMeeting.InGathering();
        t.Do(m => m.Remove(t.F, t.Cast.Member2));

        t.Refuses(ErrorCodes.ParticipantRemoved, m => m.Join(Guid.NewGuid(), "Pat", Role.Supporter, null, t.Cast.Member2, t.Now));
    }

    [Fact]
    public void Join_after_the_meeting_closed_is_refused()
    {
        var t = TestMeeting.Closed();
        t.Refuses(ErrorCodes.MeetingClosed, m => m.Join(Guid.NewGuid(), "Pat", Role.Member, null, null, t.Now));
    }

    [Fact]
    public void Remove_by_the_facilitator_marks_the_person_removed()
    {
        var t = TestMeeting.InGathering();

        t.Do(m => m.Remove(t.F, t.Cast.Member2));

        Assert.True(t.Meeting.FindParticipant(t.Cast.Member2)!.Removed);
        Assert.Equal(new ParticipantRemoved(t.Cast.Member2), Assert.Single(t.History.TakeLast(1)));
    }

    [Theory]
    [InlineData(Role.Member)]
    [InlineData(Role.Supporter)]
    [InlineData(Role.Listener)]
    [InlineData(Role.Screen)]
    public void Remove_by_anyone_but_the_facilitator_is_refused(Role role)
    {
        var t = TestMeeting.InGathering();
        t.Refuses(ErrorCodes.NotAllowed, m => m.Remove(t.Cast.IdOf(role), t.Cast.Member3));
    }

    [Fact]
    public void Remove_of_an_unknown_person_is_refused()
    {
        var t = TestMeeting.InGathering();
        t.Refuses(ErrorCodes.ParticipantNotFound, m => m.Remove(t.F, TestCast.Unknown));
    }

    [Fact]
    public void Remove_twice_is_refused()
    {
        var t = TestMeeting.InGathering();
        t.Do(m => m.Remove(t.F, t.Cast.Listener));

        t.Refuses(ErrorCodes.ParticipantRemoved, m => m.Remove(t.F, t.Cast.Listener));
    }

    [Fact]
    public void Facilitator_cannot_remove_themself()
    {
        var t = TestMeeting.InGathering();
        t.Refuses(ErrorCodes.NotAllowed, m => m.Remove(t.F, t.F));
    }

    [Fact]
    public void Joining_again_with_an_existing_id_never_changes_that_person()
    {
        var t = TestMeeting.InGathering();
        t.Do(m => m.Remove(t.F, t.Cast.Member2));

        try
        {
            t.Do(m => m.Join(t.Cast.Member2, "Beth again", Role.Facilitator, null, null, t.Now));
        }
        catch (BusinessRuleBrokenException)
        {
            // Refusing is one acceptable fix; treating it as a no-op reconnect is another.
        }

        var person = t.Meeting.FindParticipant(t.Cast.Member2)!;
        Assert.Equal((Role.Member, true), (person.Role, person.Removed));
    }
}
