using ForumHub.Architecture.Tests.Rules;
using NetArchTest.Rules;

namespace ForumHub.Architecture.Tests;

/// <summary>The layering rules (Rules/Layering.cs) hold for the real Api and Domain assemblies.</summary>
public sealed class LayeringTests
{
    private static readonly Types Real = Types.InAssemblies([Layering.Api, Layering.Domain]);

    [Fact]
    public void The_domain_uses_only_the_base_library()
    {
        Holds(Layering.DomainStandsAlone);
        var references = Layering.Domain.GetReferencedAssemblies().Select(a => a.Name!);
        Assert.All(references, name => Assert.True(name is "netstandard" or "mscorlib" or "System" || name.StartsWith("System.", StringComparison.Ordinal),
            $"ForumHub.Domain references the assembly {name}"));
    }

    [Fact]
    public void The_runtime_uses_neither_SignalR_nor_EF_Core_nor_the_hubs_nor_Orleans() => Holds(Layering.RuntimeKnowsNoTransport);

    [Fact]
    public void Features_use_neither_the_hubs_nor_Orleans() => Holds(Layering.FeaturesKnowNoHubs);

    [Fact]
    public void A_features_sub_namespaces_are_used_by_that_feature_only() => Holds(Layering.FeaturesKeepTheirInternals);

    [Fact]
    public void Shared_infrastructure_uses_no_feature() => Holds(Layering.SharedInfrastructureUsesNoFeature);

    [Fact]
    public void The_features_and_their_internals_are_found_in_the_Api()
    {
        Assert.Contains("ForumHub.Api.Features.Minutes", Layering.FeatureNamespaces);
        Assert.Contains("ForumHub.Api.Features.Privacy", Layering.FeatureNamespaces);
        Assert.DoesNotContain("ForumHub.Api.Features.Minutes.Writing", Layering.FeatureNamespaces);
        Assert.Contains("ForumHub.Api.Features.Minutes.Writing", Layering.FeatureInternals);
    }

    private static void Holds(LayerRule rule)
    {
        var report = rule.Evaluate(Real);
        Assert.True(report.TypesLookedAt > 0, $"{rule.Name}: no type to look at; has a namespace moved?");
        Assert.True(report.Violations.Count == 0 && report.UnusedExcuses.Count == 0, report.ToString());
    }
}
