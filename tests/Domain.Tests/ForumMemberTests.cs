using ForumHub.Domain.Meetings;
using ForumHub.Domain.Rules;

namespace ForumHub.Domain.Tests;

/// <summary>Issue 14: a forum's standing member is one person in a meeting, whether they came by card or were added.</summary>
public class ForumMemberTests
{
    [Fact]
    public void A_forum_member_joins_linked_to_the_forum_and_cannot_be_in_the_meeting_twice()
    {
        var t = TestMeeting.InGathering();
        var forumMember = Guid.NewGuid();
        var id = Guid.NewGuid();

        var ana = t.Do(m => m.Join(id, "Ana", Role.Member, "cat", null, t.Now, forumMember));

        Assert.Equal(forumMember, ana.ForumMemberId);
        Assert.Equal(forumMember, Assert.IsType<ParticipantJoined>(t.History[^1]).ForumMemberId);
        t.Refuses(ErrorCodes.AlreadyJoined, m => m.Join(Guid.NewGuid(), "Ana again", Role.Member, null, null, t.Now, forumMember));
        t.Refuses(ErrorCodes.AlreadyJoined, m => m.AddMemberWithoutDevice(t.F, Guid.NewGuid(), "Ana B", null, null, t.Now, forumMember));
    }

    [Fact]
    public void A_listed_member_added_without_a_device_is_linked_and_after_removal_may_come_back()
    {
        var t = TestMeeting.InGathering();
        var forumMember = Guid.NewGuid();
        var cat = t.Do(m => m.AddMemberWithoutDevice(t.F, Guid.NewGuid(), "Cat", "cat", null, t.Now, forumMember));
        Assert.Equal((forumMember, true), (cat.ForumMemberId, cat.WithoutDevice));

        t.Do(m => m.Remove(t.F, cat.Id));
        var back = t.Do(m => m.Join(Guid.NewGuid(), "Cat", Role.Member, "cat", null, t.Now, forumMember));
        Assert.Equal(forumMember, back.ForumMemberId);
        // Without a forum member, joins are as before.
        Assert.Null(t.Do(m => m.Join(Guid.NewGuid(), "Dee", Role.Member, null, null, t.Now)).ForumMemberId);
    }
}
