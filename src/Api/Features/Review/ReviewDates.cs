using System.Globalization;

namespace ForumHub.Api.Features.Review;

/// <summary>
/// Dates and counts in Easy Read for the review (the same forms as the minutes writer's, kept here because a feature's
/// inner parts are its own): "Tuesday 3 March 2026", the UK calendar day, "1 day" / "2 days".
/// </summary>
public static class ReviewDates
{
    public static TimeZoneInfo UkTime { get; } = FindUkTime();

    public static string FullDate(DateOnly date) =>
        $"{date.DayOfWeek} {date.Day} {CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(date.Month)} {date.Year}";

    public static DateOnly UkDate(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, UkTime).DateTime);

    public static string Count(int n, string one, string many) => $"{n.ToString(CultureInfo.InvariantCulture)} {(n == 1 ? one : many)}";

    public static string EndSentence(string text) => text.Length > 0 && text[^1] is '.' or '!' or '?' ? text : text + ".";

    private static TimeZoneInfo FindUkTime()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Europe/London"); }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException) { return TimeZoneInfo.Utc; }
    }
}
