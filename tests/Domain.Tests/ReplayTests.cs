using ForumHub.Domain.Meetings;
using ForumHub.Domain.Rules;

namespace ForumHub.Domain.Tests;

/// <summary>Replaying the stored events rebuilds exactly the meeting that raised them.</summary>
public class ReplayTests
{
    /// <summary>A whole meeting that raises every kind of event; returns the snapshot after each command.</summary>
    private static List<(long Version, string Snapshot)> RunScriptedMeeting(TestMeeting t)
    {
        var c = t.Cast;
        var f = t.F;
        var snapshots = new List<(long, string)>();
        void Step(Action<Meeting> command)
        {
            t.Do(command);
            snapshots.Add((t.Meeting.Version, MeetingSnapshot.Of(t.Meeting)));
        }

        var (lift, letter) = (Guid.NewGuid(), Guid.NewGuid());
        Step(m => m.PrepareReview([ReviewTests.Entry(lift, FollowUpKind.Item, "Amir"), ReviewTests.Entry(letter, FollowUpKind.Action, "Lee")]));
        Step(m => m.SetFollowUpStatus(c.Listener, letter, FollowUpStatus.Stuck, null, "No answer yet", t.Now));
        Step(m => m.PutFollowUpOnAgenda(f, lift, m.NextId()));
        Step(m => m.FinishReview(f, t.Now));
        Step(m => m.AnswerQuestion(c.Member1, m.NextId(), Question.WhyAreYouHere, "To see my friends", "friends", null));
        Step(m => m.AnswerQuestion(c.Listener, m.NextId(), Question.WhyAreYouHere, "To listen", null, null));
        Step(m => m.AnswerQuestion(c.Supporter, m.NextId(), Question.WhatDoYouWantToDo, "Go swimming", "swim", c.Member1));
        Step(m => m.AnswerQuestion(f, m.NextId(), Question.WhatDoYouWantToDo, "Better buses", null, c.Member2));
        Step(m => m.RaiseCard(c.Member3, m.NextId(), CardKind.SlowDown, null, t.Now));
        var cat = Guid.NewGuid();
        Step(m => m.AddMemberWithoutDevice(f, cat, "Cat", "cat", c.Supporter, t.Now));
        Step(m => m.AnswerQuestion(c.Supporter, m.NextId(), Question.WhyAreYouHere, "To see Ann", null, cat));
        Step(m => m.IssueTakeOverCode(f, cat, "C0DE", t.Now));
        Step(m => m.TakeOver(cat, "C0DE", t.Now.AddMinutes(5)));
        Step(m => m.GiveRole(f, c.Member2, MeetingRole.Chair, t.Now));
        Step(m => m.GiveRole(f, c.Member1, MeetingRole.Timekeeper, t.Now));
        Step(m => m.TakeRole(f, c.Member1, MeetingRole.Timekeeper, t.Now));
        Step(m => m.InviteListener(f, c.Listener, null));
        Step(m => m.Respond(c.Listener, m.NextId(), "Thank you for having me", null));
        Step(m => m.MoveTo(f, Phase.Agenda, t.Now.AddMinutes(10)));
        Step(m => m.PromoteAnswer(f, m.NextId(), m.Answers[2].Id, null));
        Step(m => m.PromoteAnswer(f, m.NextId(), m.Answers[3].Id, "Buses"));
        Step(m => m.ProposeItem(c.Member3, m.NextId(), "Cinema trip", "film", null));
        Step(m => m.ProposeItem(c.Member2, m.NextId(), "Staff changes", null, null));
        Step(m => m.AgreeAgenda(f, [m.Items[1].Id, m.Items[0].Id]));
        Step(m => m.OpenPoll(f, m.NextId(), null, "Add the cinema trip?", null, false, PollMode.HandCount, t.Now));
        Step(m => m.RecordHandCount(f, m.Polls[0].Id, new Dictionary<string, int> { ["yes"] = 3, ["no"] = 1 }));
        Step(m => m.ClosePoll(f, m.Polls[0].Id, t.Now.AddMinutes(12)));
        Step(m => m.AgreeAgenda(f, [m.Items[1].Id, m.Items[0].Id, m.Items[2].Id]));
        Step(m => m.ClearCard(f, m.Cards[0].Id));
        Step(m => m.MoveTo(f, Phase.Items, t.Now.AddMinutes(15)));
        Step(m => m.StartItem(f, m.Items[1].Id));
        Step(m => m.AddNote(f, m.NextId(), m.Items[1].Id, "The 42 bus is often late"));
        Step(m => m.OpenPoll(f, m.NextId(), m.Items[1].Id, "Which bus matters most?", [("The 42", "bus"), ("The 7", null), ("Night bus", null)],
            true, PollMode.Devices, t.Now.AddMinutes(20)));
        Step(m => m.CastBallot(c.Supporter, m.Polls[1].Id, "o1", c.Member1));
        Step(m => m.CastBallot(c.Member2, m.Polls[1].Id, "o3", null));
        Step(m => m.CastBallot(f, m.Polls[1].Id, "o2", c.Member3));
        Step(m => m.RaiseCard(c.Supporter, m.NextId(), CardKind.Break, c.Member1, t.Now.AddMinutes(21)));
        Step(m => m.Remove(f, c.Member2));
        Step(m => m.ClosePoll(f, m.Polls[1].Id, t.Now.AddMinutes(25)));
        Step(m => m.RecordDecision(f, m.NextId(), m.Items[1].Id, "We ask the council about the 42", ParticipationLevel.Consultation, m.Polls[1].Id));
        Step(m => m.InviteListener(f, c.Listener, m.Items[1].Id));
        Step(m => m.Respond(c.Listener, m.NextId(), "I will raise it with the council", null));
        Step(m => m.AddAction(f, m.NextId(), m.Items[1].Id, "Write to the council", c.Listener, null, TestCast.Today.AddDays(14),
            m.Responses[^1].Id, TestCast.Today));
        Step(m => m.AddAction(f, m.NextId(), m.Items[1].Id, "Count late buses", c.Member1, c.Supporter, null, null, TestCast.Today));
        Step(m => m.SetActionStatus(c.Member1, m.Actions[1].Id, ActionStatus.Done));
        Step(m => m.FinishItem(f, m.Items[1].Id));
        Step(m => m.StartItem(f, m.Items[0].Id));
        Step(m => m.CarryForward(f, m.Items[0].Id));
        Step(m => m.ClearCard(c.Member1, m.Cards[1].Id));
        Step(m => m.MoveTo(f, Phase.Closed, t.Now.AddMinutes(60)));
        return snapshots;
    }

    [Fact]
    public void Replaying_a_whole_meeting_gives_the_same_observable_state()
    {
        var t = TestMeeting.InGathering();
        RunScriptedMeeting(t);

        var replayed = Meeting.Replay(t.History);

        Assert.Equal(t.History.Count, replayed.Version);
        Assert.Equal(MeetingSnapshot.Of(t.Meeting), MeetingSnapshot.Of(replayed));
        Assert.Empty(replayed.DequeueUncommitted());
        Assert.Equal(Phase.Closed, replayed.Phase);
        var everyEventType = typeof(IMeetingEvent).Assembly.GetTypes()
            .Where(type => type.IsClass && type.IsAssignableTo(typeof(IMeetingEvent))).Select(type => type.Name);
        Assert.Equal(everyEventType.Order(), t.History.Select(e => e.GetType().Name).Distinct().Order());
    }

    [Fact]
    public void Replaying_any_prefix_of_the_events_gives_the_meeting_as_it_was_then()
    {
        var t = TestMeeting.InGathering();
        var snapshots = RunScriptedMeeting(t);

        foreach (var (version, snapshot) in snapshots)
            Assert.Equal(snapshot, MeetingSnapshot.Of(Meeting.Replay(t.History.Take((int)version))));
    }

    [Fact]
    public void A_replayed_meeting_goes_on_enforcing_the_rules()
    {
        var t = TestMeeting.InItems();
        var poll = t.OpenPoll();
        t.Do(m => m.CastBallot(t.Cast.Member1, poll.Id, "yes", null));
        t.Do(m => m.RaiseCard(t.Cast.Member2, m.NextId(), CardKind.Stop, null, t.Now));

        var replayed = Meeting.Replay(t.History);

        Assert.Equal(ErrorCodes.AlreadyVoted,
            Assert.Throws<BusinessRuleBrokenException>(() => replayed.CastBallot(t.Cast.Supporter, poll.Id, "no", t.Cast.Member1)).Code);
        Assert.Equal(ErrorCodes.CardAlreadyRaised,
            Assert.Throws<BusinessRuleBrokenException>(() => replayed.RaiseCard(t.Cast.Member2, replayed.NextId(), CardKind.Stop, null, t.Now)).Code);
        replayed.CastBallot(t.Cast.Member2, poll.Id, "no", null);
        Assert.Equal(t.Meeting.Version + 1, replayed.Version);
        Assert.IsType<BallotCast>(Assert.Single(replayed.DequeueUncommitted()));
    }
}
