using ForumHub.Api.Persistence;
using ForumHub.Api.Runtime;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Features.Forums;

/// <summary>The checks planning, changing, cancelling and starting a planned meeting share.</summary>
public static class PlannedMeetingRules
{
    /// <summary>A day's grace: a meeting planned for this morning, written down this afternoon, is still fine.</summary>
    public static DateTimeOffset StartsAt(DateTimeOffset? startsAt, DateTimeOffset now) =>
        startsAt is { } at && at >= now.AddDays(-1) && at <= now.AddYears(2)
            ? at
            : throw new CommandException(ForumErrorCodes.DateInvalid, "Please choose the day and time of the meeting, from today on.");

    public static string Place(string? place) => Domain.Rules.TextRules.Clean(place, ForumRules.Place, "place or video link");

    public static string About(string? about) => Domain.Rules.TextRules.Clean(about, ForumRules.About, "what the meeting is about");

    /// <summary>The forum's planned meeting (tracked, for a change), or 404 planned_meeting_not_found.</summary>
    public static async Task<PlannedMeetingRow> PlannedAsync(ForumDbContext db, Guid forumId, Guid plannedId, CancellationToken ct) =>
        await db.PlannedMeetings.FirstOrDefaultAsync(p => p.Id == plannedId && p.ForumId == forumId, ct)
        ?? throw new CommandException(ForumErrorCodes.PlannedMeetingNotFound, "We could not find this planned meeting.", StatusCodes.Status404NotFound);

    /// <summary>Once started it is a live meeting: it is changed or ended there, not here.</summary>
    public static void NotStarted(PlannedMeetingRow planned)
    {
        if (planned.MeetingId is not null)
            throw new CommandException(ForumErrorCodes.AlreadyStarted, "This meeting has started already. Open it from My meetings.", StatusCodes.Status409Conflict);
    }
}
