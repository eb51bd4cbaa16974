using ForumHub.Domain.Meetings;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace ForumHub.Api.Persistence;

/// <summary>
/// Stores a batch of live commands (their events, the rows the events project to, remembered results, new access
/// tokens and audit entries) as one <see cref="NpgsqlBatch"/> in one round trip. Without an explicit transaction
/// PostgreSQL runs the batch as one implicit transaction: all of it is committed, flushed to disk, before it answers, or
/// none of it (ADR 0006). EF's SaveChanges took three round trips (BEGIN with the statements, then COMMIT) and change
/// tracking for rows that are only ever inserted: about a quarter of the server's CPU under load (docs/benchmarks.md).
/// Errors look like EF's, so <see cref="Runtime.MeetingRuntime"/> translates them the same way.
/// </summary>
public static class EventBatch
{
    /// <summary>SQLSTATE raised by advance_meeting_version (migration 0005) when the meeting is not at the expected version.</summary>
    public const string VersionMismatch = "FH409";

    private const string AdvanceMeeting = "SELECT advance_meeting_version($1, $2, $3, $4, $5)";
    private const string InsertEvent = "INSERT INTO meeting_events (meeting_id, seq, type, payload, occurred_at) VALUES ($1, $2, $3, $4, $5)";
    private const string InsertParticipant = "INSERT INTO participants (id, meeting_id, display_name, role, picture, supports_member_id, removed, joined_at) VALUES ($1, $2, $3, $4, $5, $6, false, $7)";
    private const string RemoveParticipant = "UPDATE participants SET removed = true WHERE id = $1";
    private const string InsertBallot = "INSERT INTO ballots (poll_id, member_id, meeting_id, option_id, entered_by_id, seq) VALUES ($1, $2, $3, $4, $5, $6)";
    // A new take-over code replaces the member's last one (one row per member); a take-over marks it used.
    private const string ReplaceTakeOverCode = "INSERT INTO take_over_codes (participant_id, code_hash, meeting_id, issued_at, used_at) VALUES ($1, $2, $3, $4, NULL) ON CONFLICT (participant_id) DO UPDATE SET code_hash = EXCLUDED.code_hash, issued_at = EXCLUDED.issued_at, used_at = NULL";
    private const string UseTakeOverCode = "UPDATE take_over_codes SET used_at = $2 WHERE participant_id = $1";
    private const string InsertProcessed = "INSERT INTO processed_commands (command_id, meeting_id, actor_id, result, seq, at) VALUES ($1, $2, $3, $4, $5, $6)";
    private const string InsertToken = "INSERT INTO access_tokens (token_hash, participant_id, meeting_id, role, created_at) VALUES ($1, $2, $3, $4, $5)";
    private const string InsertAudit = "INSERT INTO audit_log (at, organisation_id, account_id, meeting_id, participant_id, action, target, address) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";

    public static async Task AppendAsync(ForumDbContext db, Meeting meeting, long fromVersion, IReadOnlyList<MeetingStore.PendingWrite> writes, CancellationToken ct)
    {
        await using var batch = Build(meeting, fromVersion, writes);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            batch.Connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await batch.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == VersionMismatch)
        {
            throw new DbUpdateConcurrencyException($"Meeting {meeting.Id} is no longer at sequence {fromVersion}.", e);
        }
        catch (PostgresException e)
        {
            throw new DbUpdateException($"Storing events of meeting {meeting.Id} after sequence {fromVersion} failed: {e.SqlState}", e);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    internal static NpgsqlBatch Build(Meeting meeting, long fromVersion, IReadOnlyList<MeetingStore.PendingWrite> writes)
    {
        var batch = new NpgsqlBatch();
        var advance = Add(batch, AdvanceMeeting); // first: a writer that is behind stops here, before anything else runs
        var seq = fromVersion;
        foreach (var write in writes)
        {
            foreach (var e in write.Events)
            {
                seq++;
                Add(batch, InsertEvent, Uuid(meeting.Id), Bigint(seq), Text(EventSerializer.TypeName(e.GetType())),
                    Json(EventSerializer.Serialize(e)), Instant(write.At));
                AddRowChange(batch, RowProjector.ChangeFor(meeting.Id, seq, e));
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
                    Uuid(p.SupportsMemberId), Instant(p.JoinedAt));
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
                throw new InvalidOperationException($"EventBatch has no way to store {change.GetType().Name}.");
        }
    }

    private static NpgsqlBatchCommand Add(NpgsqlBatch batch, string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        batch.BatchCommands.Add(command);
        return command;
    }

    private static NpgsqlParameter Uuid(Guid? value) => new() { NpgsqlDbType = NpgsqlDbType.Uuid, Value = value is { } v ? v : DBNull.Value };
    private static NpgsqlParameter Bigint(long value) => new() { NpgsqlDbType = NpgsqlDbType.Bigint, Value = value };
    private static NpgsqlParameter Text(string? value) => new() { NpgsqlDbType = NpgsqlDbType.Varchar, Value = value is null ? DBNull.Value : value };
    private static NpgsqlParameter Json(string value) => new() { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = value };
    private static NpgsqlParameter Bytes(byte[] value) => new() { NpgsqlDbType = NpgsqlDbType.Bytea, Value = value };
    private static NpgsqlParameter Instant(DateTimeOffset? value) => new() { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = value is { } v ? v : DBNull.Value };
}
