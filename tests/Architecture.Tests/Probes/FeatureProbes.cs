namespace ForumHub.Api.Features.ArchitectureProbe;

public static class FeatureUsesTheHubs
{
    public static Type Uses => typeof(Hubs.MeetingHub);
}

public static class FeatureReachesIntoMinutesWriting
{
    public static Type Uses => typeof(Minutes.Writing.MinutesRenderer);
}

public static class FeatureUsesTheRuntime
{
    public static Type Uses => typeof(Runtime.MeetingRuntime);
}
