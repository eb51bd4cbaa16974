using ForumHub.Domain.Meetings;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace ForumHub.Api.Persistence;

/// <summary>
/// The live meeting's hot path: a batch whose writes are only events, ballots, the commands' remembered results and
/// the meeting's new version is stored with one hand-written <see cref="NpgsqlBatch"/> in one transaction, the same
/// statements EF's SaveChanges sends, without its change tracking and SQL generation (about a third of the server's
/// CPU under load; docs/benchmarks.md). Batches with anything else (joins, removals, access tokens) go through EF.
/// Errors look like EF's, so <see cref="Runtime.MeetingRuntime"/> translates them the same way: a meeting written by
/// someone else since fromVersion is a <see cref="DbUpdateConcurrencyException"/>, a broken key a
/// <see cref="DbUpdateException"/> around the <see cref="PostgresException"/>.
/// </summary>
public static class EventAppender
{
    private const string UpdateMeeting = "UPDATE meetings SET version = $1, phase = $2 WHERE id = $3 AND version = $4";
    private const string UpdateClosedMeeting = "UPDATE meetings SET version = $1, phase = $2, closed_at = $5 WHERE id = $3 AND version = $4";
    private const string InsertEvent = "INSERT INTO meeting_events (meeting_id, seq, occurred_at, payload, type) VALUES ($1, $2, $3, $4, $5)";
    private const string InsertBallot = "INSERT INTO ballots (member_id, poll_id, entered_by_id, meeting_id, option_id, seq) VALUES ($1, $2, $3, $4, $5, $6)";
    private const string InsertProcessed = "INSERT INTO processed_commands (command_id, meeting_id, actor_id, at, result, seq) VALUES ($1, $2, $3, $4, $5, $6)";

    /// <summary>Stores the writes and returns true, or returns false without touching anything when EF must do it.</summary>
    public static async Task<bool> TryAppendAsync(ForumDbContext db, Meeting meeting, long fromVersion,
        IReadOnlyList<MeetingStore.PendingWrite> writes, CancellationToken ct)
    {
        var batch = new NpgsqlBatch();
        var closed = meeting.Phase == Phase.Closed;
        var update = new NpgsqlBatchCommand(closed ? UpdateClosedMeeting : UpdateMeeting);
        batch.BatchCommands.Add(update);
        var seq = fromVersion;
        foreach (var write in writes)
        {
            if (write.Tokens is { Count: > 0 }) return false;
            foreach (var e in write.Events)
            {
                seq++;
                switch (RowProjector.ChangeFor(meeting.Id, seq, e))
                {
                    case null:
                        break;
                    case BallotRow b:
                        batch.BatchCommands.Add(Command(InsertBallot, Uuid(b.MemberId), Uuid(b.PollId), Uuid(b.EnteredById), Uuid(b.MeetingId),
                            Text(b.OptionId), Bigint(b.Seq)));
                        break;
                    default:
                        return false;
                }
                batch.BatchCommands.Add(Command(InsertEvent, Uuid(meeting.Id), Bigint(seq), Instant(write.At),
                    Json(EventSerializer.Serialize(e)), Text(EventSerializer.TypeName(e.GetType()))));
            }
            if (write.CommandId is { } commandId)
                batch.BatchCommands.Add(Command(InsertProcessed, Uuid(commandId), Uuid(meeting.Id),
                    new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = write.ActorId is { } actor ? actor : DBNull.Value },
                    Instant(write.At), Json(write.ResultJson), Bigint(seq)));
        }
        update.Parameters.Add(Bigint(seq));
        update.Parameters.Add(Text(meeting.Phase.ToString()));
        update.Parameters.Add(Uuid(meeting.Id));
        update.Parameters.Add(Bigint(fromVersion));
        if (closed) update.Parameters.Add(Instant(writes[^1].At));

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await using var transaction = await connection.BeginTransactionAsync(ct);
            batch.Connection = connection;
            batch.Transaction = transaction;
            try
            {
                await batch.ExecuteNonQueryAsync(ct);
            }
            catch (PostgresException e)
            {
                throw new DbUpdateException($"Storing events of meeting {meeting.Id} after sequence {fromVersion} failed: {e.SqlState}", e);
            }
            if (update.RecordsAffected != 1)
            {
                await transaction.RollbackAsync(ct);
                throw new DbUpdateConcurrencyException($"Meeting {meeting.Id} is no longer at sequence {fromVersion}.");
            }
            await transaction.CommitAsync(ct);
            return true;
        }
        finally
        {
            await batch.DisposeAsync();
            await db.Database.CloseConnectionAsync();
        }
    }

    private static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    private static NpgsqlParameter Uuid(Guid value) => new() { NpgsqlDbType = NpgsqlDbType.Uuid, Value = value };
    private static NpgsqlParameter Bigint(long value) => new() { NpgsqlDbType = NpgsqlDbType.Bigint, Value = value };
    private static NpgsqlParameter Text(string value) => new() { NpgsqlDbType = NpgsqlDbType.Varchar, Value = value };
    private static NpgsqlParameter Json(string value) => new() { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = value };
    private static NpgsqlParameter Instant(DateTimeOffset value) => new() { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = value };
}
