using System.Globalization;
using ForumHub.Api.Infrastructure;

namespace ForumHub.Api.Features.Review;

/// <summary>
/// Dates and counts in Easy Read for the review (dates through the shared EasyReadDates): "Tuesday 3 March 2026", the UK calendar day, "1 day" / "2 days".
/// </summary>
public static class ReviewDates
{
    public static TimeZoneInfo UkTime => EasyReadDates.UkTime;

    public static string FullDate(DateOnly date) => EasyReadDates.FullDate(date);

    public static DateOnly UkDate(DateTimeOffset at) => EasyReadDates.UkDate(at);

    public static string Count(int n, string one, string many) => $"{n.ToString(CultureInfo.InvariantCulture)} {(n == 1 ? one : many)}";

    public static string EndSentence(string text) => text.Length > 0 && text[^1] is '.' or '!' or '?' ? text : text + ".";

}
