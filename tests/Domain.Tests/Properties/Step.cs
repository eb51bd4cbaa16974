using FsCheck;
using FsCheck.Fluent;

namespace ForumHub.Domain.Tests;

public enum StepKind
{
    Answer, Propose, Promote, AgreeAgenda, MoveTo, StartItem, FinishItem, CarryForward, AddNote,
    OpenPoll, CastBallot, RecordHandCount, ClosePoll, RecordDecision, AddAction, SetActionStatus,
    InviteListener, Respond, RaiseCard, ClearCard, Remove,
    AddWithoutDevice, GiveTakeOverCode, TakeOver,
    GiveRole, TakeRole,
}

/// <summary>
/// One random command, as small numbers that <see cref="StepRunner"/> turns into ids and arguments
/// when it runs (so any step fits any meeting, and shrinking keeps steps meaningful).
/// Actor 0..8 is someone whose role fits the command, 9..14 each role in turn, 15 an unknown id.
/// </summary>
public sealed record Step(StepKind Kind, int Actor, int Target, int Other, int Variant, int Text)
{
    public override string ToString() => $"{Kind}(actor {Actor}, target {Target}, other {Other}, variant {Variant}, text {Text})";

    private static readonly (int Weight, StepKind Kind)[] Weights =
    [
        (2, StepKind.Answer), (5, StepKind.Propose), (2, StepKind.Promote), (5, StepKind.AgreeAgenda), (8, StepKind.MoveTo),
        (3, StepKind.StartItem), (2, StepKind.FinishItem), (1, StepKind.CarryForward), (1, StepKind.AddNote),
        (5, StepKind.OpenPoll), (11, StepKind.CastBallot), (2, StepKind.RecordHandCount), (2, StepKind.ClosePoll),
        (1, StepKind.RecordDecision), (2, StepKind.AddAction), (2, StepKind.SetActionStatus), (2, StepKind.InviteListener),
        (2, StepKind.Respond), (2, StepKind.RaiseCard), (2, StepKind.ClearCard), (1, StepKind.Remove),
        (1, StepKind.AddWithoutDevice), (2, StepKind.GiveTakeOverCode), (3, StepKind.TakeOver),
        (1, StepKind.GiveRole), (1, StepKind.TakeRole),
    ];

    public static Gen<Step> Generator { get; } =
        from kind in Gen.Frequency(Weights.Select(w => (w.Weight, Gen.Constant(w.Kind))))
        from actor in Gen.Choose(0, 15)
        from target in Gen.Choose(0, 9)
        from other in Gen.Choose(0, 9)
        from variant in Gen.Choose(0, 9)
        from text in Gen.Choose(0, 9)
        select new Step(kind, actor, target, other, variant, text);

    /// <summary>
    /// Sequences of 0..<paramref name="maxLength"/> steps, mostly long ones (a meeting needs many steps to
    /// reach its later phases); about one step in seven repeats the one before exactly (a double tap, a resent
    /// command); shrinking drops runs of steps.
    /// </summary>
    public static Arbitrary<Step[]> Sequences(int maxLength) =>
        Arb.From(
            from n in Gen.Frequency((1, Gen.Choose(0, maxLength)), (3, Gen.Choose(maxLength * 3 / 4, maxLength)))
            from steps in Generator.ArrayOf(n)
            from repeat in Gen.Choose(0, 6).ArrayOf(n)
            select WithRepeats(steps, repeat),
            ShrinkSequence);

    private static Step[] WithRepeats(Step[] steps, int[] repeat)
    {
        var result = (Step[])steps.Clone();
        for (var i = 1; i < result.Length; i++)
            if (repeat[i] == 0) result[i] = result[i - 1];
        return result;
    }

    private static IEnumerable<Step[]> ShrinkSequence(Step[] steps)
    {
        for (var size = steps.Length / 2; size >= 1; size /= 2)
            for (var start = 0; start + size <= steps.Length; start += size)
                yield return [.. steps[..start], .. steps[(start + size)..]];
    }
}
