using ForumHub.Domain.Meetings;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace ForumHub.Api.Persistence;

/// <summary>
/// The one writer of meeting events: every append (a batch of live commands, or a new meeting's first events) is
/// stored with the rows the events project to, remembered results, new access tokens and audit entries as one
/// <see cref="NpgsqlBatch"/> in one round trip. Without an explicit transaction PostgreSQL runs the batch as one
/// implicit transaction: all of it is committed, flushed to disk, before it answers, or none of it (ADR 0006). A
/// unit of work with change tracking would take more round trips (BEGIN, the statements, COMMIT) and track rows
/// that are only ever inserted: about a quarter of the server's CPU under load (docs/benchmarks.md). Failures come
/// out as <see cref="StoreException"/>s, so callers need not know Npgsql's error codes.
/// </summary>
public static class EventWriter
{
    private const string InsertMeeting = "INSERT INTO meetings (id, title, phase, version, join_code, listener_code, created_at, closed_at) VALUES ($1, $2, $3, 0, $4, $5, $6, NULL)";
    private const string InsertOwner = "INSERT INTO meeting_owners (meeting_id, organisation_id, forum_id, created_by_account_id, facilitator_participant_id, screen_participant_id) VALUES ($1, $2, $3, $4, $5, $6)";
    private const string AdvanceMeeting = "SELECT advance_meeting_version($1, $2, $3, $4, $5)";
    private const string InsertEvent = "INSERT INTO meeting_events (meeting_id, seq, type, payload, occurred_at) VALUES ($1, $2, $3, $4, $5)";
    private const string InsertParticipant = "INSERT INTO participants (id, meeting_id, display_name, role, picture, supports_member_id, removed, joined_at, forum_member_id) VALUES ($1, $2, $3, $4, $5, $6, false, $7, $8)";
    private const string RemoveParticipant = "UPDATE participants SET removed = true WHERE id = $1";
    private const string InsertBallot = "INSERT INTO ballots (poll_id, member_id, meeting_id, option_id, entered_by_id, seq) VALUES ($1, $2, $3, $4, $5, $6)";
    // A new take-over code replaces the member's last one (one row per member); a take-over marks it used.
    private const string ReplaceTakeOverCode = "INSERT INTO take_over_codes (participant_id, code_hash, meeting_id, issued_at, used_at) VALUES ($1, $2, $3, $4, NULL) ON CONFLICT (participant_id) DO UPDATE SET code_hash = EXCLUDED.code_hash, issued_at = EXCLUDED.issued_at, used_at = NULL";
    private const string UseTakeOverCode = "UPDATE take_over_codes SET used_at = $2 WHERE participant_id = $1";
    private const string InsertProcessed = "INSERT INTO processed_commands (command_id, meeting_id, actor_id, result, seq, at) VALUES ($1, $2, $3, $4, $5, $6)";
    private const string InsertToken = "INSERT INTO access_tokens (token_hash, participant_id, meeting_id, role, created_at) VALUES ($1, $2, $3, $4, $5)";
    private const string InsertAudit = "INSERT INTO audit_log (at, organisation_id, account_id, meeting_id, participant_id, action, target, address) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";

    /// <summary>
    /// Stores the writes of several commands (group commit), numbering events from fromVersion + 1, and moves the
    /// meeting row's version on, but only if nobody else wrote since fromVersion (optimistic concurrency).
    /// </summary>
    public static Task AppendAsync(ForumDbContext db, Meeting meeting, long fromVersion, IReadOnlyList<MeetingStore.PendingWrite> writes, CancellationToken ct) =>
        ExecuteAsync(db, meeting, fromVersion, () => Build(meeting, fromVersion, writes), ct);

    /// <summary>
    /// Stores a brand-new meeting: its row (at version 0) and who owns it, then its first events appended from version
    /// 0 exactly as live commands append theirs.
    /// </summary>
    public static Task CreateAsync(ForumDbContext db, MeetingRow row, MeetingOwnerRow? owner, Meeting meeting, MeetingStore.PendingWrite first, CancellationToken ct) =>
        ExecuteAsync(db, meeting, 0, () =>
        {
            var batch = new NpgsqlBatch();
            Add(batch, InsertMeeting, Uuid(row.Id), Text(row.Title), Text(row.Phase), Text(row.JoinCode), Text(row.ListenerCode), Instant(row.CreatedAt));
            if (owner is { } o)
                Add(batch, InsertOwner, Uuid(o.MeetingId), Uuid(o.OrganisationId), Uuid(o.ForumId), Uuid(o.CreatedByAccountId),
                    Uuid(o.FacilitatorParticipantId), Uuid(o.ScreenParticipantId));
            return Build(meeting, 0, [first], batch);
        }, ct);

    private static async Task ExecuteAsync(ForumDbContext db, Meeting meeting, long fromVersion, Func<NpgsqlBatch> build, CancellationToken ct)
    {
        try
        {
            await using var batch = build();
            await ExecuteAsync(db, batch, ct);
        }
        catch (Exception e) when (StoreFailures.Classify(e, meeting.Id, fromVersion) is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>Runs a built batch on the context's connection: one implicit transaction, committed before it answers.</summary>
    internal static async Task ExecuteAsync(ForumDbContext db, NpgsqlBatch batch, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            batch.Connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await batch.ExecuteNonQueryAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    internal static NpgsqlBatch Build(Meeting meeting, long fromVersion, IReadOnlyList<MeetingStore.PendingWrite> writes, NpgsqlBatch? batch = null)
    {
        batch ??= new NpgsqlBatch();
        // First (after a new meeting's row): a writer that is behind stops here, before anything else runs.
        var advance = Add(batch, AdvanceMeeting);
        var seq = fromVersion;
        foreach (var write in writes)
        {
            foreach (var e in write.Events)
            {
                seq++;
                Add(batch, InsertEvent, Uuid(meeting.Id), Bigint(seq), Text(EventSerializer.TypeName(e.GetType())),
                    Json(EventSerializer.Serialize(e)), Instant(write.At));
                AddRowChange(batch, RowProjector.ChangeFor(meeting.Id, seq, e));
                FollowUpWriter.Add(batch, meeting, seq, e, write.At);
            }
            // Tokens after the events: a token points at its participant, who may have joined in this very write.
            foreach (var t in write.Tokens ?? [])
                Add(batch, InsertToken, Bytes(t.TokenHash), Uuid(t.ParticipantId), Uuid(t.MeetingId), Text(t.Role), Instant(t.CreatedAt));
            if (write.CommandId is { } commandId)
                Add(batch, InsertProcessed, Uuid(commandId), Uuid(meeting.Id), Uuid(write.ActorId), Json(write.ResultJson), Bigint(seq), Instant(write.At));
            if (write.Audit is { } a)
                Add(batch, InsertAudit, Instant(a.At), Uuid(a.OrganisationId), Uuid(a.AccountId), Uuid(a.MeetingId), Uuid(a.ParticipantId),
                    Text(a.Action), Text(a.Target), Text(a.Address));
        }
        foreach (var parameter in new[] { Uuid(meeting.Id), Bigint(fromVersion), Bigint(seq), Text(meeting.Phase.ToString()),
                     Instant(meeting.Phase == Phase.Closed ? writes[^1].At : null) })
            advance.Parameters.Add(parameter);
        return batch;
    }

    private static void AddRowChange(NpgsqlBatch batch, object? change)
    {
        switch (change)
        {
            case null:
                break;
            case ParticipantRow p:
                Add(batch, InsertParticipant, Uuid(p.Id), Uuid(p.MeetingId), Text(p.DisplayName), Text(p.Role), Text(p.Picture),
                    Uuid(p.SupportsMemberId), Instant(p.JoinedAt), Uuid(p.ForumMemberId));
                break;
            case ParticipantRemoval r:
                Add(batch, RemoveParticipant, Uuid(r.ParticipantId));
                break;
            case BallotRow b:
                Add(batch, InsertBallot, Uuid(b.PollId), Uuid(b.MemberId), Uuid(b.MeetingId), Text(b.OptionId), Uuid(b.EnteredById), Bigint(b.Seq));
                break;
            case TakeOverCodeRow c:
                Add(batch, ReplaceTakeOverCode, Uuid(c.ParticipantId), Text(c.CodeHash), Uuid(c.MeetingId), Instant(c.IssuedAt));
                break;
            case TakeOverCodeUse u:
                Add(batch, UseTakeOverCode, Uuid(u.ParticipantId), Instant(u.At));
                break;
            default:
                throw new InvalidOperationException($"EventWriter has no way to store {change.GetType().Name}.");
        }
    }

    internal static NpgsqlBatchCommand Add(NpgsqlBatch batch, string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        batch.BatchCommands.Add(command);
        return command;
    }

    internal static NpgsqlParameter Uuid(Guid? value) => new() { NpgsqlDbType = NpgsqlDbType.Uuid, Value = value is { } v ? v : DBNull.Value };
    internal static NpgsqlParameter Bigint(long value) => new() { NpgsqlDbType = NpgsqlDbType.Bigint, Value = value };
    internal static NpgsqlParameter Text(string? value) => new() { NpgsqlDbType = NpgsqlDbType.Varchar, Value = value is null ? DBNull.Value : value };
    private static NpgsqlParameter Json(string value) => new() { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = value };
    private static NpgsqlParameter Bytes(byte[] value) => new() { NpgsqlDbType = NpgsqlDbType.Bytea, Value = value };
    internal static NpgsqlParameter Instant(DateTimeOffset? value) => new() { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = value is { } v ? v : DBNull.Value };
}
