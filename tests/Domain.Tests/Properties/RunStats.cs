using ForumHub.Domain.Meetings;

namespace ForumHub.Domain.Tests;

/// <summary>What the random runs actually exercised, so a property that passes vacuously is noticed.</summary>
public sealed class RunStats
{
    private readonly Dictionary<StepKind, int> _accepted = [];
    private readonly Dictionary<string, int> _refused = [];
    private readonly Dictionary<Phase, int> _finalPhases = [];

    public int Sequences { get; private set; }
    public int Steps { get; private set; }
    public int ReachedItems { get; private set; }
    public int Ballots { get; private set; }
    /// <summary>Steps that repeated the step before exactly, and how many of those the domain accepted.</summary>
    public int Repeats { get; private set; }
    public int RepeatsAccepted { get; private set; }
    public IReadOnlyDictionary<StepKind, int> Accepted => _accepted;
    public IReadOnlyCollection<string> RefusalCodes => _refused.Keys;

    public void Record(Step step, string? refusalCode, bool repeat = false)
    {
        Steps++;
        if (repeat)
        {
            Repeats++;
            if (refusalCode is null) RepeatsAccepted++;
        }
        if (refusalCode is null) _accepted[step.Kind] = _accepted.GetValueOrDefault(step.Kind) + 1;
        else _refused[refusalCode] = _refused.GetValueOrDefault(refusalCode) + 1;
    }

    public void Finish(Meeting m, bool reachedItems)
    {
        Sequences++;
        if (reachedItems) ReachedItems++;
        Ballots += m.Polls.Sum(p => p.Ballots.Count);
        _finalPhases[m.Phase] = _finalPhases.GetValueOrDefault(m.Phase) + 1;
    }

    public override string ToString() =>
        $"{Sequences} sequences, {Steps} steps, {ReachedItems} reached the items phase, {Ballots} ballots counted\n" +
        $"{Repeats} exact repeats of the step before, {RepeatsAccepted} of them accepted\n" +
        $"final phases: {Join(_finalPhases)}\naccepted: {Join(_accepted)}\nrefused: {Join(_refused)}";

    private static string Join<TKey>(Dictionary<TKey, int> counts) where TKey : notnull =>
        string.Join(", ", counts.OrderBy(c => c.Key.ToString(), StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"));
}
