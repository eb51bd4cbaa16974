namespace ForumHub.Api.Features.Minutes.ArchitectureProbe;

public static class MinutesUsesItsOwnWriting
{
    public static Type Uses => typeof(Writing.MinutesRenderer);
}
