using ForumHub.Domain.Meetings;
using Microsoft.EntityFrameworkCore;

namespace ForumHub.Api.Persistence;

/// <summary>
/// What the meeting runtime needs from PostgreSQL: load a meeting from its events, create it (through
/// <see cref="EventWriter"/>; live appends go through <see cref="GroupCommit"/>), and the two small reads that check it is still current.
/// </summary>
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

    /// <summary>Stores a brand-new meeting in one transaction: its row, who owns it, its first events and the creator's access.</summary>
    public Task CreateAsync(MeetingRow row, MeetingOwnerRow? owner, Meeting meeting, PendingWrite first, CancellationToken ct) =>
        EventWriter.CreateAsync(db, row, owner, meeting, first, ct);

    /// <summary>The sequence number of the meeting's last stored event (0 when it is not stored).</summary>
    public Task<long> StoredVersionAsync(Guid meetingId, CancellationToken ct) =>
        db.Meetings.AsNoTracking().Where(m => m.Id == meetingId).Select(m => m.Version).FirstOrDefaultAsync(ct);

    /// <summary>The remembered results stored under a commandId, on any meeting.</summary>
    public Task<List<string>> AppliedResultsAsync(Guid commandId, CancellationToken ct) =>
        db.ProcessedCommands.AsNoTracking().Where(c => c.CommandId == commandId).Select(c => c.Result).ToListAsync(ct);
}
