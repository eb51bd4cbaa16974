using ForumHub.Api.Features.ArchitectureProbe;
using ForumHub.Api.Features.Minutes.ArchitectureProbe;
using ForumHub.Api.Features.Privacy.ArchitectureProbe;
using ForumHub.Api.Persistence.ArchitectureProbe;
using ForumHub.Api.Runtime.ArchitectureProbe;
using ForumHub.Architecture.Tests.Rules;
using ForumHub.Domain.ArchitectureProbe;
using NetArchTest.Rules;

namespace ForumHub.Architecture.Tests;

/// <summary>
/// The test of the test: the very rule objects of LayeringTests, run over this assembly, whose Probes/ folder holds
/// types in the Api's and Domain's namespaces that break one rule each (and some that keep it). Each rule must report
/// the ones that break it and only those.
/// </summary>
public sealed class RulesCatchProbesTests
{
    private static readonly Types Probes = Types.InAssembly(typeof(RulesCatchProbesTests).Assembly);

    [Fact]
    public void The_domain_rule_reports_a_domain_type_that_uses_MediatR() =>
        Reports(Layering.DomainStandsAlone, broken: [typeof(DomainUsesMediatR)], kept: [typeof(DomainUsesOnlyTheBaseLibrary)]);

    [Fact]
    public void The_runtime_rule_reports_runtime_types_that_use_EF_Core_SignalR_or_the_hubs() =>
        Reports(Layering.RuntimeKnowsNoTransport,
            broken: [typeof(RuntimeUsesEfCore), typeof(RuntimeUsesSignalR), typeof(RuntimeUsesTheHubs)], kept: [typeof(RuntimeUsesTheClock)]);

    [Fact]
    public void The_hubs_rule_reports_a_feature_type_that_uses_the_hubs() =>
        Reports(Layering.FeaturesKnowNoHubs, broken: [typeof(FeatureUsesTheHubs)], kept: [typeof(FeatureUsesTheRuntime)]);

    [Fact]
    public void The_internals_rule_reports_another_feature_reaching_into_minutes_writing() =>
        Reports(Layering.FeaturesKeepTheirInternals,
            broken: [typeof(FeatureReachesIntoMinutesWriting), typeof(PrivacyUsesMinutesWriting)],
            kept: [typeof(MinutesUsesItsOwnWriting), typeof(PrivacyUsesMinutesPublicly)]);

    [Fact]
    public void The_infrastructure_rule_reports_persistence_using_a_feature() =>
        Reports(Layering.SharedInfrastructureUsesNoFeature,
            broken: [typeof(PersistenceUsesAFeature)], kept: [typeof(PersistenceUsesTheCommandContract)]);

    private static void Reports(LayerRule rule, Type[] broken, Type[] kept)
    {
        var report = rule.Evaluate(Probes);
        Assert.All(broken, type => Assert.Contains(type.FullName!, report.Violations));
        Assert.All(kept, type => Assert.DoesNotContain(type.FullName!, report.Violations));
    }
}
