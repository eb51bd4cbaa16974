using ForumHub.Domain.Meetings;
using ForumHub.Domain.Rules;

namespace ForumHub.Domain.Tests;

public class MeetingLifecycleTests
{
    [Fact]
    public void Create_trims_the_title_starts_in_gathering_and_raises_one_event()
    {
        var id = Guid.NewGuid();

        var meeting = Meeting.Create(id, "  North forum  ", TestCast.Now);

        Assert.Equal(id, meeting.Id);
        Assert.Equal("North forum", meeting.Title);
        Assert.Equal(TestCast.Now, meeting.CreatedAt);
        Assert.Equal(Phase.Gathering, meeting.Phase);
        Assert.Equal(1, meeting.Version);
        var created = Assert.IsType<MeetingCreated>(Assert.Single(meeting.DequeueUncommitted()));
        Assert.Equal(new MeetingCreated(id, "North forum", TestCast.Now), created);
    }

    [Theory]
    [InlineData("", ErrorCodes.TextEmpty)]
    [InlineData("   ", ErrorCodes.TextEmpty)]
    [InlineData(null, ErrorCodes.TextEmpty)]
    public void Create_refuses_a_blank_title(string? title, string code)
    {
        var refusal = Assert.Throws<BusinessRuleBrokenException>(() => Meeting.Create(Guid.NewGuid(), title!, TestCast.Now));
        Assert.Equal(code, refusal.Code);
    }

    [Fact]
    public void Create_accepts_a_title_at_the_limit_and_refuses_one_letter_more()
    {
        Assert.Equal(Limits.Title, Meeting.Create(Guid.NewGuid(), new string('t', Limits.Title), TestCast.Now).Title.Length);

        var refusal = Assert.Throws<BusinessRuleBrokenException>(
            () => Meeting.Create(Guid.NewGuid(), new string('t', Limits.Title + 1), TestCast.Now));
        Assert.Equal(ErrorCodes.TextTooLong, refusal.Code);
    }

    [Fact]
    public void DequeueUncommitted_hands_each_event_over_once()
    {
        var meeting = Meeting.Create(Guid.NewGuid(), "Forum", TestCast.Now);

        Assert.Single(meeting.DequeueUncommitted());
        Assert.Empty(meeting.DequeueUncommitted());
        Assert.Equal(1, meeting.Version);
    }

    [Fact]
    public void Replay_needs_at_least_the_created_event()
    {
        Assert.Throws<InvalidOperationException>(() => Meeting.Replay([]));
    }

    [Fact]
    public void Replay_of_a_new_meeting_gives_the_same_meeting_with_nothing_uncommitted()
    {
        var t = TestMeeting.InGathering();

        var replayed = Meeting.Replay(t.History);

        Assert.Equal(MeetingSnapshot.Of(t.Meeting), MeetingSnapshot.Of(replayed));
        Assert.Empty(replayed.DequeueUncommitted());
    }

    [Fact]
    public void Snapshot_covers_every_public_property_of_the_meeting()
    {
        var properties = typeof(Meeting).GetProperties().Select(p => p.Name).ToHashSet();

        Assert.Equal(properties.Order(), MeetingSnapshot.CoveredProperties.Order());
    }
}
