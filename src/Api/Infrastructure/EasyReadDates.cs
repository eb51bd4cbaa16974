using System.Globalization;

namespace ForumHub.Api.Infrastructure;

/// <summary>
/// Dates in Easy Read, shared by every feature that writes them (minutes, the review, the forum's pages), so a date
/// reads the same everywhere: "Tuesday 3 March 2026" (weekday, day, month and year; no ordinals, no abbreviations), on
/// the calendar day in the UK, where the forums meet.
/// </summary>
public static class EasyReadDates
{
    public static TimeZoneInfo UkTime { get; } = FindUkTime();

    public static string FullDate(DateOnly date) =>
        $"{date.DayOfWeek} {date.Day} {CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(date.Month)} {date.Year}";

    public static DateOnly LocalDate(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    public static DateOnly UkDate(DateTimeOffset at) => LocalDate(at, UkTime);

    private static TimeZoneInfo FindUkTime()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Europe/London"); }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException) { return TimeZoneInfo.Utc; }
    }
}
