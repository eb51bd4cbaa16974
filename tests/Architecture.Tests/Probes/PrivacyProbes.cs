namespace ForumHub.Api.Features.Privacy.ArchitectureProbe;

public static class PrivacyUsesMinutesWriting
{
    public static string Clean(string text) => Minutes.Writing.EasyReadText.Clean(text);
}

public static class PrivacyUsesMinutesPublicly
{
    public static Type Uses => typeof(Minutes.MinutesStore);
}
