using ForumHub.Api.Features.Privacy;
using ForumHub.Api.Persistence;
using ForumHub.Domain.Meetings;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Features.Review;

/// <summary>
/// Erasure reaches the forum's follow-up list: where the person owns a follow-up, their name becomes the placeholder
/// ("A listener") and their picture goes, in the list and in the reviewPrepared events of later meetings that copied
/// it. The follow-up itself stays, as the forum's record (as agenda items and actions do).
/// </summary>
public sealed class FollowUpErasure : IPersonalDataEraser
{
    private static readonly string Prepared = EventSerializer.TypeName(typeof(ReviewPrepared));

    public async Task EraseAsync(ErasureContext context, CancellationToken ct)
    {
        var db = context.Db;
        var owned = await db.FollowUps.Where(f => f.OwnerId == context.ParticipantId)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.OwnerName, context.NewName).SetProperty(f => f.OwnerPicture, (string?)null), ct);
        if (owned == 0) return;
        var id = context.ParticipantId.ToString();
        await db.Database.ExecuteSqlInterpolatedAsync($$"""
            UPDATE meeting_events e
               SET payload = jsonb_set(e.payload, '{items}', (
                   SELECT jsonb_agg(CASE WHEN i->>'ownerId' = {{id}}
                                         THEN i || jsonb_build_object('ownerName', {{context.NewName}}::text, 'ownerPicture', NULL)
                                         ELSE i END ORDER BY n)
                     FROM jsonb_array_elements(e.payload->'items') WITH ORDINALITY AS t(i, n)))
             WHERE e.type = {{Prepared}} AND e.payload->'items' @> jsonb_build_array(jsonb_build_object('ownerId', {{id}}::text))
            """, ct);
    }
}

/// <summary>The follow-ups a person owns, for their privacy export: what it is, where it stands, and its history.</summary>
public sealed record ExportedFollowUp(FollowUpKind Kind, string Text, string? About, string? Said, DateOnly SaidOn, FollowUpStatus Status,
    string? DropReason, string? Note, IReadOnlyList<ExportedFollowUpUpdate> Updates);

public sealed record ExportedFollowUpUpdate(FollowUpStatus Status, string? Note, string? Reason, DateTimeOffset At);

public static class FollowUpExport
{
    public static async Task<IReadOnlyList<ExportedFollowUp>> OfAsync(ForumDbContext db, Guid participantId, CancellationToken ct)
    {
        var rows = await db.FollowUps.AsNoTracking().Where(f => f.OwnerId == participantId).OrderBy(f => f.OpenedAt).ToListAsync(ct);
        if (rows.Count == 0) return [];
        var ids = rows.Select(r => r.Id).ToList();
        var updates = await db.FollowUpUpdates.AsNoTracking().Where(u => ids.Contains(u.FollowUpId)).OrderBy(u => u.At).ThenBy(u => u.Seq).ToListAsync(ct);
        return rows.Select(r => new ExportedFollowUp(Enum.Parse<FollowUpKind>(r.Kind), r.Text, r.About, r.Said, r.SaidOn,
            Enum.Parse<FollowUpStatus>(r.Status), r.DropReason, r.Note,
            updates.Where(u => u.FollowUpId == r.Id)
                .Select(u => new ExportedFollowUpUpdate(Enum.Parse<FollowUpStatus>(u.Status), u.Note, u.Reason, u.At)).ToList())).ToList();
    }
}
