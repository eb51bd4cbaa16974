using ForumHub.Domain.Meetings;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Persistence;

/// <summary>Reads and writes one meeting's events, rows and applied commands. One SaveChanges = one transaction.</summary>
public sealed class MeetingStore(ForumDbContext db)
{
    /// <summary>A stored meeting: its state, the results of the commands applied to it, and who owns it.</summary>
    public sealed record Loaded(Meeting Meeting, Dictionary<Guid, string> Applied, Guid? OrganisationId);

    public async Task<Loaded?> LoadAsync(Guid meetingId, CancellationToken ct)
    {
        var rows = await db.Events.AsNoTracking().Where(e => e.MeetingId == meetingId).OrderBy(e => e.Seq)
            .Select(e => new { e.Type, e.Payload }).ToListAsync(ct);
        if (rows.Count == 0) return null;
        var meeting = Meeting.Replay(rows.Select(r => EventSerializer.Deserialize(r.Type, r.Payload)));
        var applied = await db.ProcessedCommands.AsNoTracking().Where(c => c.MeetingId == meetingId)
            .ToDictionaryAsync(c => c.CommandId, c => c.Result, ct);
        var organisationId = await db.MeetingOwners.AsNoTracking().Where(o => o.MeetingId == meetingId)
            .Select(o => (Guid?)o.OrganisationId).FirstOrDefaultAsync(ct);
        return new Loaded(meeting, applied, organisationId);
    }

    /// <summary>One command's writes: its events, the result remembered for repeats, new access tokens, its audit entry.</summary>
    public sealed record PendingWrite(
        IReadOnlyList<IMeetingEvent> Events, Guid? CommandId, Guid? ActorId, string ResultJson, DateTimeOffset At,
        IReadOnlyList<AccessTokenRow>? Tokens, AuditEntryRow? Audit = null);

    /// <summary>
    /// Stores the writes of several commands in one transaction (group commit), numbering events from
    /// fromVersion + 1, and moves the meeting row's version on, but only if nobody else wrote since
    /// fromVersion (optimistic concurrency). One round trip: see <see cref="EventBatch"/>.
    /// </summary>
    public Task AppendAsync(Meeting meeting, long fromVersion, IReadOnlyList<PendingWrite> writes, CancellationToken ct) =>
        EventBatch.AppendAsync(db, meeting, fromVersion, writes, ct);

    /// <summary>Stores a brand-new meeting in one transaction: its row, first events and the creator's access.</summary>
    public async Task CreateAsync(MeetingRow row, IReadOnlyList<IMeetingEvent> events, IEnumerable<AccessTokenRow> tokens,
        Guid commandId, string resultJson, DateTimeOffset now, CancellationToken ct, IReadOnlyList<object>? extraRows = null)
    {
        row.Version = AddEvents(row.Id, 0, events, commandId, null, resultJson, now);
        db.Meetings.Add(row);
        db.AccessTokens.AddRange(tokens);
        if (extraRows is not null) db.AddRange(extraRows); // e.g. who owns the meeting (issue 6), in the same transaction
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds access tokens for participants who already exist (e.g. a repeated join gets a fresh token).</summary>
    public async Task AddTokensAsync(IEnumerable<AccessTokenRow> tokens, CancellationToken ct)
    {
        db.AccessTokens.AddRange(tokens);
        await db.SaveChangesAsync(ct);
    }

    private long AddEvents(Guid meetingId, long fromVersion, IReadOnlyList<IMeetingEvent> events,
        Guid? commandId, Guid? actorId, string resultJson, DateTimeOffset now)
    {
        var seq = fromVersion;
        foreach (var e in events)
        {
            seq++;
            db.Events.Add(new EventRow
            {
                MeetingId = meetingId,
                Seq = seq,
                Type = EventSerializer.TypeName(e.GetType()),
                Payload = EventSerializer.Serialize(e),
                OccurredAt = now,
            });
            RowProjector.Project(db, meetingId, seq, e);
        }
        if (commandId is { } id)
            db.ProcessedCommands.Add(new ProcessedCommandRow
            {
                CommandId = id,
                MeetingId = meetingId,
                ActorId = actorId,
                Result = resultJson,
                Seq = seq,
                At = now,
            });
        return seq;
    }
}
