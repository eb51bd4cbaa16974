namespace ForumHub.Api.Features.Privacy.ArchitectureProbe;

public static class PrivacyUsesTheSharedEasyReadText
{
    public static string Clean(string text) => Minutes.Writing.EasyReadText.Clean(text);
}

public static class PrivacyUsesTheMinutesRenderer
{
    public static Type Uses => typeof(Minutes.Writing.MinutesRenderer);
}
