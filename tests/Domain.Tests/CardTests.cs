using ForumHub.Domain.Meetings;
using ForumHub.Domain.Rules;

namespace ForumHub.Domain.Tests;

/// <summary>Stop / Slow down / Question / Break cards: one of each kind per person at a time.</summary>
public class CardTests
{
    public static TheoryData<CardKind> Kinds => new(Enum.GetValues<CardKind>());

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Anyone_present_raises_a_card_of_each_kind(CardKind kind)
    {
        var t = TestMeeting.InItems();
        foreach (var role in new[] { Role.Member, Role.Facilitator, Role.Listener, Role.Supporter })
        {
            var card = t.Do(m => m.RaiseCard(t.Cast.IdOf(role), m.NextId(), kind, null, t.Now));
            Assert.Equal((t.Cast.IdOf(role), kind, t.Now, true), (card.ParticipantId, card.Kind, card.RaisedAt, card.IsRaised));
        }
        Assert.Equal(4, t.Meeting.Cards.Count);
    }

    [Fact]
    public void The_shared_screen_raises_no_card()
    {
        var t = TestMeeting.InItems();
        t.Refuses(ErrorCodes.NotAllowed, m => m.RaiseCard(t.Cast.Screen, m.NextId(), CardKind.Stop, null, t.Now));
    }

    [Fact]
    public void One_card_of_a_kind_at_a_time_but_other_kinds_are_fine()
    {
        var t = TestMeeting.InItems();
        var stop = t.Do(m => m.RaiseCard(t.Cast.Member1, m.NextId(), CardKind.Stop, null, t.Now));

        t.Refuses(ErrorCodes.CardAlreadyRaised, m => m.RaiseCard(t.Cast.Member1, m.NextId(), CardKind.Stop, null, t.Now));
        t.Refuses(ErrorCodes.CardAlreadyRaised, m => m.RaiseCard(t.Cast.Supporter, m.NextId(), CardKind.Stop, t.Cast.Member1, t.Now));
        t.Do(m => m.RaiseCard(t.Cast.Member1, m.NextId(), CardKind.Break, null, t.Now));
        t.Do(m => m.RaiseCard(t.Cast.Member2, m.NextId(), CardKind.Stop, null, t.Now));

        t.Do(m => m.ClearCard(t.Cast.Member1, stop.Id));
        t.Do(m => m.RaiseCard(t.Cast.Member1, m.NextId(), CardKind.Stop, null, t.Now));
    }

    [Fact]
    public void A_supporter_raises_a_card_for_themself_or_their_member_only()
    {
        var t = TestMeeting.InItems();

        Assert.Equal(t.Cast.Supporter, t.Do(m => m.RaiseCard(t.Cast.Supporter, m.NextId(), CardKind.Break, null, t.Now)).ParticipantId);
        Assert.Equal(t.Cast.Member1, t.Do(m => m.RaiseCard(t.Cast.Supporter, m.NextId(), CardKind.Break, t.Cast.Member1, t.Now)).ParticipantId);
        t.Refuses(ErrorCodes.NotYourMember, m => m.RaiseCard(t.Cast.Supporter, m.NextId(), CardKind.Break, t.Cast.Member2, t.Now));
    }

    [Fact]
    public void The_facilitator_raises_a_card_for_a_member_but_a_member_not_for_another()
    {
        var t = TestMeeting.InItems();

        Assert.Equal(t.Cast.Member3, t.Do(m => m.RaiseCard(t.F, m.NextId(), CardKind.SlowDown, t.Cast.Member3, t.Now)).ParticipantId);
        t.Refuses(ErrorCodes.NotYourMember, m => m.RaiseCard(t.Cast.Member2, m.NextId(), CardKind.SlowDown, t.Cast.Member1, t.Now));
        t.Refuses(ErrorCodes.NotAMember, m => m.RaiseCard(t.F, m.NextId(), CardKind.SlowDown, t.Cast.Listener, t.Now));
    }

    [Fact]
    public void The_facilitator_clears_anyones_card()
    {
        var t = TestMeeting.InItems();
        var card = t.Do(m => m.RaiseCard(t.Cast.Listener, m.NextId(), CardKind.Question, null, t.Now));

        t.Do(m => m.ClearCard(t.F, card.Id));

        Assert.Equal((false, t.F), (card.IsRaised, card.ClearedById));
    }

    [Theory]
    [InlineData(Role.Member)]
    [InlineData(Role.Listener)]
    [InlineData(Role.Supporter)]
    public void A_person_clears_their_own_card_but_not_someone_elses(Role role)
    {
        var t = TestMeeting.InItems();
        var own = t.Do(m => m.RaiseCard(t.Cast.IdOf(role), m.NextId(), CardKind.Question, null, t.Now));
        var others = t.Do(m => m.RaiseCard(t.Cast.Member3, m.NextId(), CardKind.Question, null, t.Now));

        t.Refuses(ErrorCodes.NotAllowed, m => m.ClearCard(t.Cast.IdOf(role), others.Id));
        t.Do(m => m.ClearCard(t.Cast.IdOf(role), own.Id));
        Assert.Equal(t.Cast.IdOf(role), own.ClearedById);
    }

    [Fact]
    public void A_card_is_cleared_once_and_must_exist()
    {
        var t = TestMeeting.InItems();
        var card = t.Do(m => m.RaiseCard(t.Cast.Member1, m.NextId(), CardKind.Stop, null, t.Now));
        t.Do(m => m.ClearCard(t.F, card.Id));

        t.Refuses(ErrorCodes.CardAlreadyCleared, m => m.ClearCard(t.F, card.Id));
        t.Refuses(ErrorCodes.CardNotFound, m => m.ClearCard(t.F, TestCast.Unknown));
        t.Refuses(ErrorCodes.NotAllowed, m => m.ClearCard(t.Cast.Screen, card.Id));
    }

    [Fact]
    public void No_card_is_raised_after_the_meeting_closed()
    {
        var t = TestMeeting.Closed();
        t.Refuses(ErrorCodes.MeetingClosed, m => m.RaiseCard(t.Cast.Member1, m.NextId(), CardKind.Stop, null, t.Now));
    }

    [Fact]
    public void A_supporter_can_lower_the_card_of_the_member_they_support_but_no_one_else_s()
    {
        var t = TestMeeting.InGathering();
        var members = t.Do(m => m.RaiseCard(t.Cast.Member1, m.NextId(), CardKind.Break, null, t.Now));
        var others = t.Do(m => m.RaiseCard(t.Cast.Member2, m.NextId(), CardKind.Break, null, t.Now));

        t.Do(m => m.ClearCard(t.Cast.Supporter, members.Id));
        t.Refuses(ErrorCodes.NotAllowed, m => m.ClearCard(t.Cast.Supporter, others.Id));

        Assert.False(t.Meeting.Cards.Single(c => c.Id == members.Id).IsRaised);
    }
}
