using System.Collections.Concurrent;
using ForumHub.Domain.Meetings;
using Npgsql;

namespace ForumHub.Api.Persistence;

/// <summary>
/// Group commit across meetings: the appends of different meetings that are waiting while a write is in flight go
/// to PostgreSQL together, as one <see cref="NpgsqlBatch"/>, one transaction and one flush. Each meeting's writes still
/// start with its own version check (<see cref="EventWriter.Build"/>). Nothing waits on purpose: when one append
/// comes alone it is written alone at once; only appends that arrive during a write share the next one, so the
/// busier the server, the more commands each commit carries (PostgreSQL's cost per transaction, and the server's
/// round trips and wake-ups, are shared; docs/notes/issue-16.md has the measurements).
/// <para>
/// If a shared write fails, nothing of it was stored (one transaction), and every meeting in it is written again on
/// its own: one meeting's conflict or refused data never costs the others their writes, and each failure is told to
/// the meeting it belongs to.
/// </para>
/// </summary>
public sealed class GroupCommit(IServiceScopeFactory scopes, ILogger<GroupCommit> log)
{
    /// <summary>Most meetings' appends in one transaction: bounds a write's size and the wait of the last in it.</summary>
    private const int MaxMeetingsPerWrite = 64;

    private sealed record Pending(Meeting Meeting, long FromVersion, IReadOnlyList<MeetingStore.PendingWrite> Writes)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private readonly ConcurrentQueue<Pending> _queue = new();
    private int _writing; // 1 while the writer loop runs: one write in flight at a time

    /// <summary>
    /// Stores one meeting's writes (as <see cref="EventWriter.AppendAsync"/> does), possibly in one transaction with
    /// other meetings'. The caller must not change the meeting until the task ends (its writer gate is held).
    /// Throws a <see cref="StoreException"/> for this meeting's failure only.
    /// </summary>
    public Task AppendAsync(Meeting meeting, long fromVersion, IReadOnlyList<MeetingStore.PendingWrite> writes)
    {
        var pending = new Pending(meeting, fromVersion, writes);
        _queue.Enqueue(pending);
        if (Interlocked.CompareExchange(ref _writing, 1, 0) == 0) _ = Task.Run(WriteLoopAsync);
        return pending.Done.Task;
    }

    private async Task WriteLoopAsync()
    {
        var round = new List<Pending>(MaxMeetingsPerWrite);
        while (true)
        {
            round.Clear();
            while (round.Count < MaxMeetingsPerWrite && _queue.TryDequeue(out var next)) round.Add(next);
            if (round.Count == 0)
            {
                Volatile.Write(ref _writing, 0);
                // An append queued after the queue looked empty and before the flag dropped would wait forever: take it.
                if (_queue.IsEmpty || Interlocked.CompareExchange(ref _writing, 1, 0) != 0) return;
                continue;
            }
            try
            {
                await WriteAsync(round);
            }
            catch (Exception e) // e.g. no scope any more at shutdown: no append may be left unanswered
            {
                foreach (var p in round) p.Done.TrySetException(e);
            }
        }
    }

    private async Task WriteAsync(List<Pending> round)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumDbContext>();
        if (round.Count > 1)
        {
            try
            {
                await using var shared = new NpgsqlBatch();
                foreach (var p in round) EventWriter.Build(p.Meeting, p.FromVersion, p.Writes, shared);
                await EventWriter.ExecuteAsync(db, shared, CancellationToken.None);
                foreach (var p in round) p.Done.TrySetResult();
                return;
            }
            catch (Exception e)
            {
                log.LogDebug(e, "A write shared by {Meetings} meetings failed; writing each meeting's on its own", round.Count);
            }
        }
        foreach (var p in round)
        {
            try
            {
                await EventWriter.AppendAsync(db, p.Meeting, p.FromVersion, p.Writes, CancellationToken.None);
                p.Done.TrySetResult();
            }
            catch (Exception e) // already a StoreException for this meeting when it is a storage failure
            {
                p.Done.TrySetException(e);
            }
        }
    }
}
