using ForumHub.Api.Persistence;
using ForumHub.Api.Runtime;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Access;

/// <summary>Finds the meeting behind a member join code or a listener invite code.</summary>
public sealed class MeetingCodes(ForumDbContext db)
{
    public sealed record Found(Guid MeetingId, string Title, bool IsListenerCode);

    public async Task<Found> FindAsync(string? code, CancellationToken ct)
    {
        var clean = JoinCodes.Normalize(code);
        if (clean.Length is not (JoinCodes.MemberLength or JoinCodes.ListenerLength))
            throw Unknown();
        var meeting = await db.Meetings.AsNoTracking()
            .Where(m => m.JoinCode == clean || m.ListenerCode == clean)
            .Select(m => new { m.Id, m.Title, m.Phase, IsListener = m.ListenerCode == clean })
            .FirstOrDefaultAsync(ct) ?? throw Unknown();
        if (meeting.Phase == nameof(ForumHub.Domain.Meetings.Phase.Closed))
            throw new CommandException(ApiErrorCodes.CodeClosed, "This meeting has finished. The code does not work any more.", 410);
        return new Found(meeting.Id, meeting.Title, meeting.IsListener);
    }

    private static CommandException Unknown() =>
        new(ApiErrorCodes.CodeUnknown, "We do not know this code. Please check it and try again.", 404);
}
