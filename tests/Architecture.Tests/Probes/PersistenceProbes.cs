namespace ForumHub.Api.Persistence.ArchitectureProbe;

public static class PersistenceUsesAFeature
{
    public static Type Uses => typeof(Features.Polls.CastBallot);
}

public static class PersistenceUsesTheCommandContract
{
    public static Type Uses => typeof(Features.MeetingCommand);
}
