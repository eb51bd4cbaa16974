using System.Reflection;

namespace ForumHub.Architecture.Tests.Rules;

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
    private const string Cluster = "ForumHub.Api.Cluster";

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

    /// <summary>
    /// The compiler's own helper type, in every assembly that needs it (constant data for collection expressions and
    /// the like): not a dependency anyone chose. It sits in the global namespace, which NetArchTest matches only when
    /// written with a leading dot.
    /// </summary>
    private static readonly string[] CompilerHelpers = [".<PrivateImplementationDetails>"];

    public static LayerRule DomainStandsAlone { get; } = new("the domain uses only the base library", () =>
    [
        new(new InNamespaces("ForumHub.Domain"),
            should => should.OnlyHaveDependenciesOn(["System", "ForumHub.Domain", .. CompilerHelpers])),
    ]);

    public static LayerRule RuntimeKnowsNoTransport { get; } = new("the runtime uses neither SignalR nor EF Core nor the hubs nor Orleans", () =>
    [
        new(new InNamespaces("ForumHub.Api.Runtime"),
            should => should.NotHaveDependencyOnAny("Microsoft.AspNetCore.SignalR", "Microsoft.EntityFrameworkCore", Hubs, "Orleans", Cluster)),
    ]);

    /// <summary>Features say which meeting a request writes (IMeetingWrite); where that meeting's writer runs is the cluster's business.</summary>
    public static LayerRule FeaturesKnowNoHubs { get; } = new("features use neither the hubs nor Orleans nor the cluster", () =>
    [
        new(new InNamespaces(Features), should => should.NotHaveDependencyOnAny(Hubs, "Orleans", Cluster)),
    ]);

    /// <summary>A feature's own sub-namespaces are used by that feature only (by no other type, feature or not).</summary>
    public static LayerRule FeaturesKeepTheirInternals { get; } =
        new("a feature's sub-namespaces are used by that feature only", () => FeatureInternals.Select(internals =>
            new LayerRule.Check(new OutsideNamespaces([OwnerOf(internals)]), should => should.NotHaveDependencyOn(internals))))
        {
            // None today. Something two features need goes to shared infrastructure, or is excused here with its reason.
            Excuses = [],
        };

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

    /// <summary>The feature a sub-namespace belongs to: ForumHub.Api.Features.Minutes for ...Minutes.Writing.</summary>
    private static string OwnerOf(string internals) => string.Join('.', internals.Split('.')[..4]);

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
