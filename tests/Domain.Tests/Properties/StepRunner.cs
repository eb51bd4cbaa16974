using ForumHub.Domain.Meetings;

namespace ForumHub.Domain.Tests;

/// <summary>Runs random <see cref="Step"/>s against one meeting with the fixed <see cref="TestCast"/>.</summary>
public sealed class StepRunner
{
    private readonly TestCast _c = new();
    /// <summary>Members added without a device, oldest first.</summary>
    private readonly List<Guid> _added = [];

    public StepRunner()
    {
        Meeting = Meeting.Create(Guid.NewGuid(), "Random forum", TestCast.Now);
        _c.JoinAll(Meeting);
    }

    public Meeting Meeting { get; }
    public TestCast Cast => _c;
    private static DateTimeOffset Now => TestCast.Now;
    private static DateOnly Today => TestCast.Today;

    /// <summary>Runs the step; a refused command throws BusinessRuleBrokenException like the real caller sees.</summary>
    public void Run(Step s)
    {
        var m = Meeting;
        var actor = Actor(s.Actor, s.Kind);
        switch (s.Kind)
        {
            case StepKind.Answer: m.AnswerQuestion(actor, m.NextId(), (Question)(s.Variant % 2), Text(s.Text), Picture(s.Other), ForWhom(actor, s.Target)); break;
            case StepKind.Propose: m.ProposeItem(actor, m.NextId(), Text(s.Text), Picture(s.Variant), ForWhom(actor, s.Target)); break;
            case StepKind.Promote: m.PromoteAnswer(actor, m.NextId(), Pick(m.Answers, a => a.Id, s.Target), s.Variant < 5 ? null : Text(s.Text)); break;
            case StepKind.AgreeAgenda: m.AgreeAgenda(actor, AgendaChoice(s)); break;
            case StepKind.MoveTo: m.MoveTo(actor, PhaseChoice(s.Variant, s.Other), Now); break;
            case StepKind.StartItem: m.StartItem(actor, Pick(m.Items, i => i.Id, s.Target)); break;
            case StepKind.FinishItem: m.FinishItem(actor, Pick(m.Items, i => i.Id, s.Target)); break;
            case StepKind.CarryForward: m.CarryForward(actor, Pick(m.Items, i => i.Id, s.Target)); break;
            case StepKind.AddNote: m.AddNote(actor, m.NextId(), Pick(m.Items, i => i.Id, s.Target), Text(s.Text)); break;
            case StepKind.OpenPoll:
                m.OpenPoll(actor, m.NextId(), Maybe(m.Items, i => i.Id, s.Target), Text(s.Text), Options(s.Variant), s.Other % 2 == 1,
                    s.Other is 0 or 5 ? PollMode.HandCount : PollMode.Devices, Now);
                break;
            case StepKind.CastBallot:
                var ballotPoll = Pick(m.Polls, p => p.Id, s.Target);
                m.CastBallot(actor, ballotPoll, OptionId(m.FindPoll(ballotPoll), s.Variant), ForWhom(actor, s.Other));
                break;
            case StepKind.RecordHandCount:
                var pollId = Pick(m.Polls, p => p.Id, s.Target);
                m.RecordHandCount(actor, pollId, Counts(m.FindPoll(pollId), s.Other, s.Variant));
                break;
            case StepKind.ClosePoll: m.ClosePoll(actor, Pick(m.Polls, p => p.Id, s.Target), Now); break;
            case StepKind.RecordDecision:
                m.RecordDecision(actor, m.NextId(), Maybe(m.Items, i => i.Id, s.Target), Text(s.Text), (ParticipationLevel)(s.Variant % 7),
                    Maybe(m.Polls, p => p.Id, s.Other));
                break;
            case StepKind.AddAction:
                m.AddAction(actor, m.NextId(), Maybe(m.Items, i => i.Id, s.Target), Text(s.Text), Person(s.Other) ?? Guid.Empty, Person(s.Variant),
                    DueDate(s.Variant), Maybe(m.Responses, r => r.Id, s.Target), Today);
                break;
            case StepKind.SetActionStatus: m.SetActionStatus(actor, Pick(m.Actions, a => a.Id, s.Target), (ActionStatus)(s.Variant % 3)); break;
            case StepKind.InviteListener: m.InviteListener(actor, Person(s.Target) ?? _c.Listener, Maybe(m.Items, i => i.Id, s.Other)); break;
            case StepKind.Respond: m.Respond(actor, m.NextId(), Text(s.Text), Maybe(m.Items, i => i.Id, s.Other)); break;
            case StepKind.RaiseCard: m.RaiseCard(actor, m.NextId(), (CardKind)(s.Variant % 4), ForWhom(actor, s.Other), Now); break;
            case StepKind.ClearCard: m.ClearCard(actor, Pick(m.Cards, c => c.Id, s.Target)); break;
            case StepKind.Remove: m.Remove(actor, Person(s.Target) ?? TestCast.Unknown); break;
            case StepKind.AddWithoutDevice:
                var id = Guid.NewGuid();
                var name = s.Variant == 8 ? m.FindParticipant(_c.Member1)!.DisplayName : $"{Text(s.Text)} {_added.Count}";
                m.AddMemberWithoutDevice(actor, id, s.Variant == 9 ? Text(s.Text) : name, Picture(s.Variant), Person(s.Other), Now);
                _added.Add(id);
                break;
            case StepKind.GiveTakeOverCode: m.IssueTakeOverCode(actor, Added(s.Target), $"H{s.Text}", Now); break;
            case StepKind.TakeOver:
                var member = Added(s.Target);
                m.TakeOver(member, s.Variant < 6 ? m.FindParticipant(member)?.TakeOverCodeHash ?? "none" : "wrong", Now);
                break;
            // Targets 4..6 are the three members, so roles are often given, taken and refused as held or taken.
            case StepKind.GiveRole: m.GiveRole(actor, Person(s.Target) ?? _c.Member1, (MeetingRole)(s.Variant % 4), Now); break;
            case StepKind.TakeRole: m.TakeRole(actor, Person(s.Target) ?? _c.Member1, (MeetingRole)(s.Variant % 4), Now); break;
            default: throw new ArgumentOutOfRangeException(nameof(s), s.Kind, null);
        }
    }

    private static readonly StepKind[] FacilitatorOnly =
    [
        StepKind.Promote, StepKind.AgreeAgenda, StepKind.MoveTo, StepKind.StartItem, StepKind.FinishItem, StepKind.CarryForward,
        StepKind.AddNote, StepKind.OpenPoll, StepKind.RecordHandCount, StepKind.ClosePoll, StepKind.RecordDecision,
        StepKind.AddAction, StepKind.InviteListener, StepKind.Remove, StepKind.AddWithoutDevice, StepKind.GiveTakeOverCode,
        StepKind.GiveRole, StepKind.TakeRole,
    ];

    /// <summary>
    /// 0..8: someone whose role fits the command (the facilitator for theirs, the listener to respond,
    /// else one of facilitator, members, supporter); 9..14: each role in turn, fitting or not; 15: an unknown id.
    /// </summary>
    private Guid Actor(int i, StepKind kind) => i switch
    {
        <= 8 when FacilitatorOnly.Contains(kind) => _c.Facilitator,
        <= 8 when kind == StepKind.Respond => _c.Listener,
        <= 8 => new[] { _c.Facilitator, _c.Member1, _c.Member2, _c.Member3, _c.Supporter }[i % 5],
        9 => _c.Facilitator,
        10 => _c.Member2,
        11 => _c.Supporter,
        12 => _c.Listener,
        13 or 14 => _c.Screen,
        _ => TestCast.Unknown,
    };

    /// <summary>0..2: nobody (null); then each of the cast in turn; 10: an unknown id.</summary>
    private Guid? Person(int i) => (i % 11) switch
    {
        <= 2 => null,
        3 => _c.Facilitator,
        4 => _c.Member1,
        5 => _c.Member2,
        6 => _c.Member3,
        7 => _c.Supporter,
        8 => _c.Listener,
        9 => _c.Screen,
        _ => TestCast.Unknown,
    };

    /// <summary>Who the actor acts for: 0..4 the usual (themself, or a supporter's own member); 5..10 as <see cref="Person"/>.</summary>
    private Guid? ForWhom(Guid actor, int i) =>
        i == 4 && _added.Count > 0 ? _added[^1] : i <= 4 ? (actor == _c.Supporter ? _c.Member1 : null) : Person(i);

    /// <summary>0..5: a member added without a device (most recent first), else <see cref="Person"/> (or unknown).</summary>
    private Guid Added(int i) => i <= 5 && _added.Count > 0 ? _added[^(1 + i % _added.Count)] : Person(i) ?? TestCast.Unknown;

    /// <summary>Mostly a recent one from the list; 9 (or an empty list) gives an unknown id.</summary>
    private static Guid Pick<T>(IReadOnlyList<T> list, Func<T, Guid> id, int i) =>
        list.Count == 0 || i == 9 ? TestCast.Unknown : id(list[list.Count - 1 - (i % list.Count)]);

    private static Guid? Maybe<T>(IReadOnlyList<T> list, Func<T, Guid> id, int i) => i < 4 ? null : Pick(list, id, i - 4);

    private static string Text(int i) => i switch
    {
        6 => "Text\u0000 6", // PostgreSQL cannot store a NUL: text_invalid_character
        7 => "",
        8 => " \t ",
        9 => new string('x', Limits.Note + 1),
        _ => $" Text {i} ",
    };

    private static string? Picture(int i) => i switch { < 6 => null, 6 => "  ", 9 => new string('p', Limits.Picture + 1), _ => "bus" };

    private IReadOnlyList<Guid> AgendaChoice(Step s)
    {
        var items = Meeting.Items;
        var chosen = items.Where((_, index) => s.Other < 6 || (index + s.Other) % 3 != 0).Select(i => i.Id).ToList();
        if (chosen.Count > 0) chosen = [.. chosen.Skip(s.Target % chosen.Count), .. chosen.Take(s.Target % chosen.Count)];
        if (s.Variant == 8 && chosen.Count > 0) chosen.Add(chosen[0]);
        if (s.Variant == 9) chosen.Add(TestCast.Unknown);
        return chosen;
    }

    /// <summary>
    /// Mostly the next phase, else a wrong one; Closed only at 9 (and from before the items phase only
    /// when <paramref name="other"/> is 9 too), so most meetings get far enough to vote and work on items.
    /// </summary>
    private Phase PhaseChoice(int v, int other) => v switch
    {
        9 when Meeting.Phase == Phase.Items || other == 9 => Phase.Closed,
        <= 6 when Meeting.Phase == Phase.Items => Phase.Items,
        <= 6 or 9 => Meeting.Phase + 1,
        _ => (Phase)(v - 7),
    };

    private static IReadOnlyList<(string, string?)>? Options(int v) => v switch
    {
        <= 4 => null,
        5 => [("Bowling", "ball"), ("Cinema", null)],
        6 => [.. Enumerable.Range(1, Limits.MaxOptions).Select(i => ($"Choice {i}", (string?)null))],
        7 => [("Only one", null)],
        8 => [("Same", null), (" same ", null), ("Other", null)],
        _ => [.. Enumerable.Range(1, Limits.MaxOptions + 1).Select(i => ($"Choice {i}", (string?)null))],
    };

    /// <summary>Mostly one of the poll's choices; 7: "yes" (a custom poll lacks it); 8: wrong case; 9: no such choice.</summary>
    private static string OptionId(Poll? poll, int v) => v switch
    {
        7 => "yes",
        8 => "YES",
        9 => "maybe",
        _ when poll is null => "yes",
        _ => poll.Options[v % poll.Options.Count].Id,
    };

    private static Dictionary<string, int> Counts(Poll? poll, int a, int v)
    {
        var ids = poll?.Options.Select(o => o.Id).ToList() ?? ["yes", "no"];
        return v switch
        {
            8 => new() { [ids[0]] = -1 },
            9 => new() { ["maybe"] = 1 },
            7 => new() { [ids[0]] = Limits.MaxHandCount + 1 },
            _ => new() { [ids[0]] = a, [ids[^1]] = v * 3 },
        };
    }

    private static DateOnly? DueDate(int v) => (v % 4) switch { 0 => null, 1 => Today, 2 => Today.AddDays(-1), _ => Today.AddDays(7) };
}
