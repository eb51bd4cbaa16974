using ForumHub.Domain.Meetings;

namespace ForumHub.Api.Features.Review;

/// <summary>
/// The Easy Read lines of "You said, we did": one short sentence a line, dates in full, people's own words quoted as
/// said ("You said: Later buses." / "On Tuesday 3 March 2026 Trustee Tom said: I will ask." / "Now: done.").
/// Used by the forum page endpoint and the minutes; the Easy Read checker's text rules pass on the fixed words.
/// </summary>
public static class YouSaidWeDidWords
{
    public static IReadOnlyList<string> Lines(ReviewEntry f, FollowUpStatus status, string? note, string? dropReason)
    {
        var owner = OwnerWords(f);
        var on = ReviewDates.FullDate(f.SaidOn);
        var lines = new List<string>();
        if (f.About is { } about) lines.Add($"You said: {ReviewDates.EndSentence(about)}");
        lines.Add(f.Kind switch
        {
            FollowUpKind.Response => $"On {on} {owner} said: {ReviewDates.EndSentence(f.Text)}",
            _ when f.Said is { } said => $"On {on} {owner} said: {ReviewDates.EndSentence(said)}",
            _ => $"On {on} {owner} said they will do this.",
        });
        if (f.Kind == FollowUpKind.Action) lines.Add($"The action is: {ReviewDates.EndSentence(f.Text)}");
        if (note is not null) lines.Add($"News: {ReviewDates.EndSentence(note)}");
        lines.Add(StatusLine(status, dropReason));
        return lines;
    }

    public static string StatusLine(FollowUpStatus status, string? dropReason) => status switch
    {
        FollowUpStatus.Done => "Now: done.",
        FollowUpStatus.Stuck => "Now: stuck.",
        FollowUpStatus.Dropped => dropReason is null ? "Now: dropped." : $"Now: dropped. Why: {ReviewDates.EndSentence(dropReason)}",
        _ => "Now: not yet.",
    };

    /// <summary>"Open for 35 days": how long since the meeting it came from.</summary>
    public static string OpenFor(int days) => days == 0 ? "Open since today." : $"Open for {ReviewDates.Count(days, "day", "days")}.";

    private static string OwnerWords(ReviewEntry f) => f.OwnerName ?? (f.OwnerRole == Role.Listener ? "the listener" : "the owner");
}
