using ForumHub.Domain.Meetings;
using ForumHub.Domain.Rules;

namespace ForumHub.Domain.Tests;

/// <summary>Someone who was removed (or never joined) cannot act, and nobody can act for a removed member.</summary>
public class RemovedAndUnknownActorTests
{
    /// <summary>Each command, as done by a given actor in a meeting that is ready for it.</summary>
    private static readonly Dictionary<string, Action<TestMeeting, Guid>> Commands = new()
    {
        ["answer"] = (t, who) => t.Meeting.AnswerQuestion(who, t.Meeting.NextId(), Question.WhyAreYouHere, "To be heard", null, null),
        ["propose"] = (t, who) => t.Meeting.ProposeItem(who, t.Meeting.NextId(), "Buses", null, null),
        ["raise card"] = (t, who) => t.Meeting.RaiseCard(who, t.Meeting.NextId(), CardKind.Question, null, t.Now),
        ["clear card"] = (t, who) => t.Meeting.ClearCard(who, t.Meeting.Cards[0].Id),
        ["vote"] = (t, who) => t.Meeting.CastBallot(who, t.Meeting.Polls[0].Id, "yes", null),
        ["action status"] = (t, who) => t.Meeting.SetActionStatus(who, t.Meeting.Actions[0].Id, ActionStatus.Done),
        ["respond"] = (t, who) => t.Meeting.Respond(who, t.Meeting.NextId(), "We will fund it", null),
        ["move phase"] = (t, who) => t.Meeting.MoveTo(who, Phase.Closed, t.Now),
        ["open poll"] = (t, who) => t.Meeting.OpenPoll(who, t.Meeting.NextId(), null, "Again?", null, false, PollMode.Devices, t.Now),
        ["remove"] = (t, who) => t.Meeting.Remove(who, t.Cast.Member3),
    };

    public static TheoryData<string> CommandNames => new(Commands.Keys);

    /// <summary>
    /// A card, an action and an open poll exist, the listener is invited and a second facilitator joined;
    /// Agenda phase, or Gathering (without poll and action) for answering.
    /// </summary>
    private static (TestMeeting T, Guid Member, Guid Facilitator2) ReadyForAnything(string command = "")
    {
        var t = command == "answer" ? TestMeeting.InGathering() : TestMeeting.InAgenda();
        var f2 = Guid.NewGuid();
        t.Do(m => m.Join(f2, "Gus", Role.Facilitator, null, null, t.Now));
        t.Do(m => m.RaiseCard(t.Cast.Member1, m.NextId(), CardKind.Break, null, t.Now));
        t.Do(m => m.InviteListener(t.F, t.Cast.Listener, null));
        if (t.Meeting.Phase == Phase.Gathering) return (t, t.Cast.Member1, f2);
        t.Do(m => m.AddAction(t.F, m.NextId(), null, "Ring the council", t.Cast.Member1, null, null, null, TestCast.Today));
        t.OpenPoll();
        return (t, t.Cast.Member1, f2);
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void A_removed_person_cannot_act(string command)
    {
        var (t, member, f2) = ReadyForAnything(command);
        var actor = command switch
        {
            "respond" => t.Cast.Listener,
            "move phase" or "open poll" or "remove" => f2,
            _ => member,
        };
        t.Do(m => m.Remove(t.F, actor));

        t.Refuses(ErrorCodes.ParticipantRemoved, m => Commands[command](t, actor));
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void The_same_commands_succeed_for_the_person_before_removal(string command)
    {
        var (t, member, f2) = ReadyForAnything(command);
        var actor = command switch
        {
            "respond" => t.Cast.Listener,
            "move phase" or "open poll" or "remove" => f2,
            _ => member,
        };
        if (command is "move phase" or "open poll") t.Do(m => m.ClosePoll(t.F, m.Polls[0].Id, t.Now));
        var version = t.Meeting.Version;

        t.Do(m => Commands[command](t, actor));

        Assert.True(t.Meeting.Version > version);
    }

    [Fact]
    public void A_supporter_cannot_act_for_their_member_once_the_member_is_removed()
    {
        var (t, member, _) = ReadyForAnything();
        t.Do(m => m.Remove(t.F, member));

        t.Refuses(ErrorCodes.ParticipantRemoved, m => m.CastBallot(t.Cast.Supporter, m.Polls[0].Id, "no", member));
    }

    [Fact]
    public void The_facilitator_cannot_vote_for_a_removed_member()
    {
        var (t, _, _) = ReadyForAnything();
        t.Do(m => m.Remove(t.F, t.Cast.Member2));

        t.Refuses(ErrorCodes.ParticipantRemoved, m => m.CastBallot(t.F, m.Polls[0].Id, "no", t.Cast.Member2));
    }

    [Fact]
    public void Acting_for_an_unknown_member_is_refused()
    {
        var (t, _, _) = ReadyForAnything();
        t.Refuses(ErrorCodes.ParticipantNotFound, m => m.CastBallot(t.F, m.Polls[0].Id, "no", TestCast.Unknown));
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void An_unknown_actor_is_refused_with_participant_not_found(string command)
    {
        var (t, _, _) = ReadyForAnything();
        t.Refuses(ErrorCodes.ParticipantNotFound, m => Commands[command](t, TestCast.Unknown));
    }
}
