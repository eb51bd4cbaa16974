namespace ForumHub.Domain.Meetings;

/// <summary>Text limits, in characters after trimming. Documented in docs/protocol.md.</summary>
public static class Limits
{
    public const int Title = 120;
    public const int DisplayName = 40;
    public const int Answer = 280;
    public const int Note = 1000;
    public const int PollQuestion = 200;
    public const int OptionLabel = 60;
    public const int MinOptions = 2;
    public const int MaxOptions = 8;
    public const int Decision = 280;
    public const int ActionWhat = 200;
    public const int Response = 500;
    public const int Picture = 40;
    public const int MaxHandCount = 10_000;
}
