using NetArchTest.Rules;

namespace ForumHub.Architecture.Tests.Rules;

/// <summary>A type that may break a rule, and why. It covers the type and the types nested in it.</summary>
public sealed record Excuse(string Type, string Reason)
{
    public bool Covers(string failingType) =>
        failingType == Type || failingType.StartsWith(Type + "/", StringComparison.Ordinal);
}

/// <summary>What one rule found in a set of types.</summary>
public sealed record RuleReport(string Rule, int TypesLookedAt, IReadOnlyList<string> Violations, IReadOnlyList<Excuse> UnusedExcuses)
{
    public override string ToString() =>
        $"{Rule}: {TypesLookedAt} types looked at; broken by: {(Violations.Count == 0 ? "none" : string.Join(", ", Violations))}" +
        (UnusedExcuses.Count == 0 ? "" : $"; excuses no longer needed: {string.Join(", ", UnusedExcuses.Select(e => e.Type))}");
}

/// <summary>
/// One layering rule: a recipe over any set of types, so the very same rule object runs over the real assemblies
/// (LayeringTests) and over the deliberately bad probe types of this test assembly (RulesCatchProbesTests).
/// </summary>
public sealed class LayerRule(string name, Func<IEnumerable<LayerRule.Check>> checks)
{
    /// <summary>Some of the types (those the Subjects select) and what they should satisfy.</summary>
    public sealed record Check(ICustomRule Subjects, Func<Conditions, ConditionList> Should);

    public string Name => name;

    /// <summary>Types that may break this rule, each with its reason. A reason that stops being true fails the test.</summary>
    public IReadOnlyList<Excuse> Excuses { get; init; } = [];

    public RuleReport Evaluate(Types types)
    {
        var lookedAt = 0;
        var failing = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var check in checks())
        {
            lookedAt += types.That().MeetCustomRule(check.Subjects).GetTypes().Count();
            var result = check.Should(types.That().MeetCustomRule(check.Subjects).Should()).GetResult();
            failing.UnionWith(result.FailingTypeNames ?? []);
        }
        return new RuleReport(name, lookedAt,
            [.. failing.Where(type => !Excuses.Any(e => e.Covers(type)))],
            [.. Excuses.Where(e => !failing.Any(e.Covers))]);
    }
}
