using ForumHub.Domain.Meetings;
using ForumHub.Domain.Rules;

namespace ForumHub.Domain.Tests;

/// <summary>The carry-forward review before the two questions: statuses by the owner or facilitator, choices for the agenda.</summary>
public class ReviewTests
{
    public static ReviewEntry Entry(Guid id, FollowUpKind kind, string owner) => new(
        id, kind, kind == FollowUpKind.Item ? "Fix the lift" : "Write to the council", "lift", "More buses", null, Guid.NewGuid(), owner, null,
        owner == "Lee" ? Role.Listener : Role.Member, owner == "Lee", Guid.NewGuid(), new DateOnly(2026, 3, 3), FollowUpStatus.NotYet, null);

    private static (TestMeeting T, Guid Item, Guid Action) WithReview()
    {
        var t = TestMeeting.InGathering();
        var (item, action) = (Guid.NewGuid(), Guid.NewGuid());
        t.Do(m => m.PrepareReview([Entry(item, FollowUpKind.Item, "Amir"), Entry(action, FollowUpKind.Action, "Lee")]));
        return (t, item, action);
    }

    [Fact]
    public void A_meeting_with_nothing_to_review_has_no_review()
    {
        var t = TestMeeting.InGathering();
        var version = t.Meeting.Version;
        t.Meeting.PrepareReview([]);
        Assert.Equal((version, false), (t.Meeting.Version, t.Meeting.ReviewOpen));
        t.Refuses(ErrorCodes.ReviewNotOpen, m => m.FinishReview(t.F, t.Now));
    }

    [Fact]
    public void The_owner_by_name_or_the_facilitator_sets_the_status_and_dropping_needs_a_reason()
    {
        var (t, item, action) = WithReview();
        Assert.True(t.Meeting.ReviewOpen);
        t.Do(m => m.SetFollowUpStatus(t.Cast.Listener, action, FollowUpStatus.Stuck, null, "  No answer  ", t.Now));
        Assert.Equal((FollowUpStatus.Stuck, "No answer"), (t.Meeting.FindReviewItem(action)!.Status, t.Meeting.FindReviewItem(action)!.Note));
        t.Refuses(ErrorCodes.NotAllowed, m => m.SetFollowUpStatus(t.Cast.Member2, action, FollowUpStatus.Done, null, null, t.Now));
        t.Refuses(ErrorCodes.NotAllowed, m => m.SetFollowUpStatus(t.Cast.Screen, action, FollowUpStatus.Done, null, null, t.Now));
        t.Refuses(ErrorCodes.ReasonRequired, m => m.SetFollowUpStatus(t.F, action, FollowUpStatus.Dropped, " ", null, t.Now));
        t.Refuses(ErrorCodes.FollowUpNotFound, m => m.SetFollowUpStatus(t.F, Guid.NewGuid(), FollowUpStatus.Done, null, null, t.Now));
        t.Do(m => m.SetFollowUpStatus(t.F, action, FollowUpStatus.Dropped, "No money", null, t.Now));
        Assert.Equal("No money", t.Meeting.FindReviewItem(action)!.DropReason);
        t.Refuses(ErrorCodes.FollowUpClosed, m => m.PutFollowUpOnAgenda(t.F, action, m.NextId()));
        t.Do(m => m.SetFollowUpStatus(t.Cast.Member1, item, FollowUpStatus.NotYet, null, null, t.Now)); // Amir owns the item
    }

    [Fact]
    public void A_chosen_follow_up_becomes_a_proposed_item_once_and_the_review_ends_before_the_agenda()
    {
        var (t, item, _) = WithReview();
        t.Refuses(ErrorCodes.NotAllowed, m => m.PutFollowUpOnAgenda(t.Cast.Member1, item, m.NextId()));
        var agendaItem = t.Do(m => m.PutFollowUpOnAgenda(t.F, item, m.NextId()));
        Assert.Equal(("Fix the lift", "lift", ItemStatus.Proposed), (agendaItem.Title, agendaItem.Picture, agendaItem.Status));
        t.Refuses(ErrorCodes.FollowUpOnAgenda, m => m.PutFollowUpOnAgenda(t.F, item, m.NextId()));
        t.Refuses(ErrorCodes.FollowUpOnAgenda, m => m.SetFollowUpStatus(t.F, item, FollowUpStatus.Done, null, null, t.Now));
        t.Do(m => m.FinishReview(t.F, t.Now));
        Assert.False(t.Meeting.ReviewOpen);
        t.Refuses(ErrorCodes.ReviewNotOpen, m => m.FinishReview(t.F, t.Now));
        Assert.Throws<InvalidOperationException>(() => t.Meeting.PrepareReview([Entry(Guid.NewGuid(), FollowUpKind.Item, "Amir")]));
    }
}
