namespace ForumHub.Domain.ArchitectureProbe;

// Deliberately bad types for RulesCatchProbesTests: each stands where the rules look, and breaks (or keeps) one rule.

public static class DomainUsesMediatR
{
    public static Type Uses => typeof(MediatR.IMediator);
}

public static class DomainUsesOnlyTheBaseLibrary
{
    public static DateTimeOffset Later(DateTimeOffset at) => at.AddMinutes(1);
}
