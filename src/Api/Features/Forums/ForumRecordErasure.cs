using ForumHub.Api.Features.Privacy;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Features.Forums;

/// <summary>
/// Erasing a person from one meeting also cuts the link from that meeting's participant to the forum member they
/// were: otherwise the placeholder ("A member") would still lead to their name on the forum's list, and the meeting
/// would still count in their forum record. Their other meetings are untouched.
/// </summary>
public sealed class ForumRecordErasure : IPersonalDataEraser
{
    public Task EraseAsync(ErasureContext context, CancellationToken ct) =>
        context.Db.Participants.Where(p => p.Id == context.ParticipantId && p.MeetingId == context.MeetingId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ForumMemberId, (Guid?)null), ct);
}
