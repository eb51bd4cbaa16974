using System.Reflection;
using NetArchTest.Rules;

namespace ForumHub.Architecture.Tests.Rules;

/// <summary>
/// A type in one feature's internals that another feature may use, and why (<see cref="Layering.FeaturesKeepTheirInternals"/>).
/// </summary>
public sealed record SharedInternal(string Type, string UsedBy, string Reason);

/// <summary>
/// The layering of ForumHub, in one place (docs/decisions/0009-feature-folders.md). The domain stands alone; the Api
/// has one folder per feature (ForumHub.Api.Features.X: its use cases, endpoints and own helpers) beside shared
/// infrastructure that no feature owns. Every rule here is used both by LayeringTests (on the real assemblies) and
/// by RulesCatchProbesTests (on deliberately bad types), so a rule that could never fail would show.
/// </summary>
public static class Layering
{
    public static Assembly Api { get; } = typeof(global::ForumHub.Api.Features.CommandAck).Assembly;
    public static Assembly Domain { get; } = typeof(global::ForumHub.Domain.Meetings.Meeting).Assembly;

    private const string Features = "ForumHub.Api.Features";
    private const string Hubs = "ForumHub.Api.Hubs";

    /// <summary>What every feature may use and that uses no feature. (Hubs are the way in: they call the features.)</summary>
    public static IReadOnlyList<string> SharedInfrastructure { get; } =
    [
        "ForumHub.Api.Runtime", "ForumHub.Api.Persistence", "ForumHub.Api.Access", "ForumHub.Api.Audit",
        "ForumHub.Api.Infrastructure", "ForumHub.Api.Telemetry",
    ];

    /// <summary>Each feature's namespace (ForumHub.Api.Features.Minutes), read from the Api assembly.</summary>
    public static IReadOnlyList<string> FeatureNamespaces { get; } = NamespacesBelow(Features, depth: 1);

    /// <summary>Each feature's own sub-namespaces (ForumHub.Api.Features.Minutes.Writing): its internals.</summary>
    public static IReadOnlyList<string> FeatureInternals { get; } = NamespacesBelow(Features, depth: 2);

    /// <summary>The few types inside a feature's internals that another feature may use, each with its reason.</summary>
    public static IReadOnlyList<SharedInternal> SharedInternals { get; } =
    [
        new("ForumHub.Api.Features.Minutes.Writing.EasyReadText", UsedBy: "ForumHub.Api.Features.Privacy",
            "The personal data export is an Easy Read page as the minutes are: it cleans people's text, counts sentences " +
            "and writes dates by the same text rules, so the two cannot drift apart."),
    ];

    public static LayerRule DomainStandsAlone { get; } = new("the domain uses only the base library", () =>
    [
        new(new InNamespaces("ForumHub.Domain"), should => should.OnlyHaveDependenciesOn("System", "ForumHub.Domain")),
    ]);

    public static LayerRule RuntimeKnowsNoTransport { get; } = new("the runtime uses neither SignalR nor EF Core nor the hubs", () =>
    [
        new(new InNamespaces("ForumHub.Api.Runtime"),
            should => should.NotHaveDependencyOnAny("Microsoft.AspNetCore.SignalR", "Microsoft.EntityFrameworkCore", Hubs)),
    ]);

    public static LayerRule FeaturesKnowNoHubs { get; } = new("features do not use the hubs", () =>
    [
        new(new InNamespaces(Features), should => should.NotHaveDependencyOn(Hubs)),
    ]);

    public static LayerRule FeaturesKeepTheirInternals { get; } =
        new("a feature's sub-namespaces are used by that feature only", () => FeatureInternals.SelectMany(InternalsChecks));

    public static LayerRule SharedInfrastructureUsesNoFeature { get; } = new("shared infrastructure uses no feature", () =>
    [
        new(new InNamespaces(SharedInfrastructure), should => should.NotHaveDependencyOnAny([.. FeatureNamespaces])),
    ])
    {
        Excuses =
        [
            new("ForumHub.Api.Access.AccessSetup",
                "Program.cs's part for access and privacy: it registers the privacy services and maps the account, admin " +
                "and privacy endpoints, as Program.cs does for the others. It is wiring, used by no feature."),
        ],
    };

    public static IReadOnlyList<LayerRule> All { get; } =
        [DomainStandsAlone, RuntimeKnowsNoTransport, FeaturesKnowNoHubs, FeaturesKeepTheirInternals, SharedInfrastructureUsesNoFeature];

    /// <summary>Whether a shared internal is still used by the feature it is shared with (else it goes from the list).</summary>
    public static bool IsUsed(SharedInternal shared, Types types) =>
        types.That().MeetCustomRule(new InNamespaces(shared.UsedBy)).And().HaveDependencyOn(shared.Type).GetTypes().Any();

    /// <summary>
    /// For one feature's internals: its own feature may use all of it; a feature it shares types with may use those;
    /// every other type, feature or not, may use none of it.
    /// </summary>
    private static IEnumerable<LayerRule.Check> InternalsChecks(string internals)
    {
        var owner = string.Join('.', internals.Split('.')[..4]);
        var shared = SharedInternals.Where(s => InNamespaces.IsWithin(s.Type, internals)).ToList();
        foreach (var users in shared.GroupBy(s => s.UsedBy))
        {
            string[] forbidden = [.. TopLevelTypesIn(internals).Except(users.Select(s => s.Type))];
            if (forbidden.Length > 0) yield return new(new InNamespaces(users.Key), should => should.NotHaveDependencyOnAny(forbidden));
        }
        yield return new(new OutsideNamespaces([owner, .. shared.Select(s => s.UsedBy)]), should => should.NotHaveDependencyOn(internals));
    }

    private static IEnumerable<string> TopLevelTypesIn(string ns) =>
        Api.GetTypes().Where(t => !t.IsNested && InNamespaces.IsWithin(t.Namespace, ns)).Select(t => t.FullName!);

    private static string[] NamespacesBelow(string root, int depth) =>
    [
        .. Api.GetTypes()
            .Select(t => t.Namespace)
            .Where(ns => ns is not null && ns.StartsWith(root + ".", StringComparison.Ordinal))
            .Select(ns => ns!.Split('.'))
            .Where(parts => parts.Length >= root.Split('.').Length + depth)
            .Select(parts => string.Join('.', parts[..(root.Split('.').Length + depth)]))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal),
    ];
}
